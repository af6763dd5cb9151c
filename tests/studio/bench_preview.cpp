// SPDX-License-Identifier: GPL-3.0-or-later
// The preview's share of the edit-to-sound path: how long PreviewPanel::setAudio takes
// (views updated, playback started) for 1 s and 4 s of audio, how long until the
// spectrogram is on screen, and the spectrogram alone. Prints figures; never fails on
// timing.
#include "analysis/spectrogram.h"
#include "previewpanel.h"
#include "spectrogramimage.h"
#include "spectrogramview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

constexpr int kRuns = 15;
constexpr int kRate = 48000;
constexpr int kReadyTimeoutMs = 10000;
const QSize kPanelSize(1100, 700);

QList<float> impact(double seconds, int seed)
{
    QList<float> x(qsizetype(std::lround(seconds * kRate)));
    double phase = 0.0;
    for (qsizetype i = 0; i < x.size(); ++i) {
        const double t = double(i) / kRate;
        phase += 2.0 * std::numbers::pi * (50.0 + seed + 200.0 * std::exp(-t * 25.0)) / kRate;
        x[i] = static_cast<float>(0.8 * std::exp(-t * 3.0) * std::sin(phase));
    }
    return x;
}

struct Stats {
    double median = 0.0;
    double worst = 0.0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.last()};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);

    PreviewPanel panel(nullptr, AudioPlayer::Output::VirtualClock);
    panel.resize(kPanelSize);
    panel.show();
    auto *spectrogram = panel.findChild<SpectrogramView *>();
    QSignalSpy ready(spectrogram, &SpectrogramView::spectrogramReady);
    out << "bench_preview: panel " << kPanelSize.width() << "x" << kPanelSize.height() << ", spectrogram view "
        << spectrogram->width() << "x" << spectrogram->height() << ", median and worst of " << kRuns << " runs\n";

    for (const double seconds : {1.0, 4.0}) {
        QList<double> setAudioMs;
        QList<double> shownMs;
        QList<double> repaintMs;
        for (int run = 0; run < kRuns; ++run) {
            const QList<float> audio = impact(seconds, run);
            ready.clear();
            QElapsedTimer clock;
            clock.start();
            panel.setAudio(audio, QStringLiteral("bench"), 5.0);
            setAudioMs << clock.nsecsElapsed() / 1e6;
            if (!ready.wait(kReadyTimeoutMs)) {
                out << "  spectrogram never ready\n";
                return 1;
            }
            shownMs << clock.nsecsElapsed() / 1e6;
            QElapsedTimer paint;
            paint.start();
            panel.repaint();
            repaintMs << paint.nsecsElapsed() / 1e6;
        }
        const Stats set = stats(setAudioMs);
        const Stats shown = stats(shownMs);
        const Stats painted = stats(repaintMs);
        out << QStringLiteral("  %1 s of audio: setAudio (playback started, waveform updated) %2 ms (worst %3); "
                              "spectrogram on screen after %4 ms (worst %5); full repaint %6 ms (worst %7)\n")
                   .arg(seconds, 0, 'f', 0)
                   .arg(set.median, 0, 'f', 2).arg(set.worst, 0, 'f', 2)
                   .arg(shown.median, 0, 'f', 1).arg(shown.worst, 0, 'f', 1)
                   .arg(painted.median, 0, 'f', 1).arg(painted.worst, 0, 'f', 1);

        // The worker's job alone, at the view's size.
        QList<double> computeMs;
        QList<double> renderMs;
        const QList<float> audio = impact(seconds, 0);
        for (int run = 0; run < kRuns; ++run) {
            QElapsedTimer clock;
            clock.start();
            const Spectrogram s = Spectrogram::compute(std::span(audio.constData(), std::size_t(audio.size())),
                                                       SpectrogramView::optionsFor(spectrogram->size()));
            computeMs << clock.nsecsElapsed() / 1e6;
            clock.restart();
            const QImage image = SpectrogramImage::render(s, QStringLiteral("bench"), spectrogram->size());
            renderMs << clock.nsecsElapsed() / 1e6;
        }
        const Stats compute = stats(computeMs);
        const Stats render = stats(renderMs);
        out << QStringLiteral("    of which on the worker: STFT %1 ms (worst %2), picture %3 ms (worst %4)\n")
                   .arg(compute.median, 0, 'f', 1).arg(compute.worst, 0, 'f', 1)
                   .arg(render.median, 0, 'f', 1).arg(render.worst, 0, 'f', 1);
    }
    out << "  sound starts inside setAudio; a device adds its buffer, "
        << std::chrono::milliseconds(AudioPlayer::kDeviceBuffer).count() << " ms\n";
    panel.stop();
    return 0;
}
