// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor map with 10 000 samples and the factory bank: how long filling the map,
// switching an axis, recolouring, a full repaint and a hover lookup take. Prints figures;
// never fails on timing.
#include "descriptormapview.h"

#include "model/factory.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <random>
#include <vector>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

constexpr int kSamples = 10000;
constexpr int kFrames = 100; ///< 0.5 s per sample
constexpr int kRepeats = 5;
constexpr int kHoverLookups = 2000;
constexpr QSize kWindowSize{1280, 800};

/// Median times of @p repeats runs of @p work: the call itself, and the chart's layout
/// and repaint that follow it (what a user waits for), in milliseconds.
struct Timing {
    double callMs = 0.0;
    double repaintMs = 0.0;
};

Timing measure(QWidget &view, int repeats, const std::function<void()> &work)
{
    std::vector<double> calls;
    std::vector<double> repaints;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        calls.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        QCoreApplication::processEvents(); // the chart lays itself out on posted events
        view.repaint();
        repaints.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(calls.begin(), calls.end());
    std::sort(repaints.begin(), repaints.end());
    return {calls[calls.size() / 2], repaints[repaints.size() / 2]};
}

void print(QTextStream &out, const char *what, const Timing &t)
{
    out << "  " << what << ": " << t.callMs << " ms, then " << t.repaintMs << " ms layout and repaint\n";
}

QList<SampleEntry> makeSamples(int count)
{
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    QList<SampleEntry> samples;
    samples.reserve(count);
    for (int i = 0; i < count; ++i) {
        SampleEntry entry;
        entry.name = QStringLiteral("sample %1").arg(i);
        entry.path = QStringLiteral("/bench/sample%1.wav").arg(i);
        entry.curves = DescriptorCurves(kFrames);
        std::array<double, kDescriptorCount> position{};
        for (double &p : position)
            p = u(rng);
        for (const auto id : kAllDescriptors) {
            const double start = descriptor(id).fromNormalized(position[std::size_t(id)]);
            for (int f = 0; f < kFrames; ++f) {
                // A decaying impact: loudness falls, the rest drifts a little.
                const double value = id == DescriptorId::Loudness ? start - 0.3 * f : start * (1.0 - 0.002 * f);
                entry.curves.setValue(id, f, float(descriptor(id).clamp(value)));
            }
        }
        entry.duration = entry.curves.duration();
        entry.summary = MapPoint::summarize(entry.curves);
        samples << entry;
    }
    return samples;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const auto bank = Factory::bank();
    if (!bank) {
        out << "cannot load the factory bank: " << bank.errorString() << '\n';
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    const QList<SampleEntry> samples = makeSamples(kSamples);
    const double makeMs = double(timer.nsecsElapsed()) / 1e6;

    DescriptorMapView view;
    view.resize(kWindowSize);
    view.setBank(*bank);
    view.show();
    QCoreApplication::processEvents();

    out << "descriptor map, " << kSamples << " samples + " << bank->presetCount() << " presets, "
        << kWindowSize.width() << "x" << kWindowSize.height() << " (median of " << kRepeats << ")\n";
    out << "  summaries of " << kSamples << " samples (" << kFrames << " frames each): " << makeMs << " ms\n";

    print(out, "full repaint, presets alone", measure(view, kRepeats, [&] { view.chartView()->viewport()->update(); }));

    bool toggle = false;
    const Timing fill = measure(view, kRepeats, [&] {
        // Alternate between two lists so that every run really replaces the points.
        view.setSamples(toggle ? samples : samples.mid(1));
        toggle = !toggle;
    });
    view.setSamples(samples);
    QCoreApplication::processEvents();
    print(out, "setSamples (summaries, PCA fit, series replaced)", fill);

    int axis = 0;
    const std::array<int, 4> choices{int(DescriptorId::Loudness), int(DescriptorId::Pitch), DescriptorMapView::kPcaAxis1,
                                     int(DescriptorId::Brightness)};
    print(out, "axis switch", measure(view, kRepeats, [&] { view.setXAxis(choices[std::size_t(axis++ % int(choices.size()))]); }));

    int colour = 0;
    print(out, "colour-by switch",
          measure(view, kRepeats, [&] { view.setColourBy(static_cast<DescriptorId>(colour++ % kDescriptorCount)); }));

    const QList<int> slots = bank->filledSlots();
    // A preset edit: the bank changes, the samples stay where they are.
    Bank edited = *bank;
    Preset preset = *edited.preset(slots.first());
    preset.curves.applyOffsetScale(DescriptorId::Loudness, -6.0, 1.0);
    edited.setPreset(slots.first(), preset);
    int edit = 0;
    print(out, "setBank after a preset edit", measure(view, kRepeats, [&] { view.setBank(edit++ % 2 ? *bank : edited); }));

    int cv = 0;
    print(out, "CV marker move",
          measure(view, kRepeats, [&] { view.setCvMarker(bank->preset(slots[cv++ % slots.size()])->curves); }));

    print(out, "full repaint", measure(view, kRepeats, [&] { view.chartView()->viewport()->update(); }));

    std::vector<double> grabs;
    for (int i = 0; i < kRepeats; ++i) {
        timer.restart();
        const QPixmap pixmap = view.grab();
        grabs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(grabs.begin(), grabs.end());
    out << "  full repaint into a pixmap (grab): " << grabs[grabs.size() / 2] << " ms\n";

    std::mt19937 rng(7);
    const QSize viewport = view.chartView()->viewport()->size();
    std::uniform_real_distribution<double> ux(0.0, viewport.width());
    std::uniform_real_distribution<double> uy(0.0, viewport.height());
    int hits = 0;
    timer.restart();
    for (int i = 0; i < kHoverLookups; ++i) {
        if (view.pointAt(QPointF(ux(rng), uy(rng))))
            ++hits;
    }
    const double lookupUs = double(timer.nsecsElapsed()) / 1e3 / kHoverLookups;
    out << "  hover lookup: " << lookupUs << " us per lookup (" << hits << " of " << kHoverLookups << " random positions on a point)\n";
    return 0;
}
