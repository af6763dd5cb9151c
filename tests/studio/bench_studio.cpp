// SPDX-License-Identifier: GPL-3.0-or-later
// Edit to sound in Neurorack Studio: from the preset editor's edit (undo command,
// debounce, render on the worker, preview views and player) to the audio in the
// preview, with the shipped model on one CPU thread. Prints figures; never fails on timing.
#include "mainwindow.h"
#include "preseteditor.h"
#include "previewpanel.h"
#include "renderservice.h"

#include "model/factory.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace neurorack;
using namespace neurorack::studio;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (ImpactEngine::defaultModelPath().isEmpty()) {
        std::printf("bench_studio: no shipped model found, nothing measured\n");
        return 0;
    }
    MainWindow window;
    window.document();
    window.setBank(*Factory::bank(), QString());
    window.show();
    if (!QTest::qWaitFor([&] { return window.renderService()->model().has_value(); }, 30000)) {
        std::printf("bench_studio: the model did not load\n");
        return 1;
    }
    QElapsedTimer clock;
    std::vector<double> editToSound;
    std::vector<double> renderMs;
    bool waiting = false;
    // Connected after the window's own handler: it runs once the preview has the audio.
    QObject::connect(window.renderService(), &RenderService::rendered, &app, [&](quint64, const QString &, const QList<float> &, double ms) {
        if (!waiting)
            return;
        waiting = false;
        editToSound.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        renderMs.push_back(ms);
    });
    for (int slot : {0, 2, 5, 7}) {
        window.selectSlot(slot);
        QTest::qWait(300); // let the selection's own render pass
        const Preset original = *window.bank().preset(slot);
        for (int i = 0; i < 10; ++i) {
            Preset edited = original;
            edited.curves.applyOffsetScale(DescriptorId::Brightness, 50.0 * (i + 1), 1.0);
            waiting = true;
            clock.start();
            Q_EMIT window.presetEditor()->presetEdited(slot, edited, QStringLiteral("Brighter"), 1);
            if (!QTest::qWaitFor([&] { return !waiting; }, 10000)) {
                std::printf("bench_studio: no sound after an edit\n");
                return 1;
            }
        }
        std::printf("  %-16s %.2f s of audio\n", qPrintable(original.name), original.duration());
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("edit to sound in the preview, %zu edits (target ≤ 100 ms):\n", editToSound.size());
    std::printf("  median %.1f ms, max %.1f ms (render alone: median %.1f ms; debounce %lld ms)\n",
                median(editToSound), *std::max_element(editToSound.begin(), editToSound.end()), median(renderMs),
                static_cast<long long>(MainWindow::kRenderDebounce.count()));
    return 0;
}
