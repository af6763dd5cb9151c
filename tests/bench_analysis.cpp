// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: descriptor analysis speed as a multiple of real time on one core (target
// ≥ 500×, DESIGN.md). Prints figures; never fails on timing.
#include "analysis/descriptoranalyzer.h"
#include "analysis/spectrogram.h"
#include "audio/audiofile.h"
#include "model/framegrid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>

using namespace neurorack;

namespace {

/// A struck-object impact: a few decaying partials, a pitch glide and a noise burst.
std::vector<float> impact(std::mt19937 &rng, double seconds)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> g(0.0, 1.0);
    const double f0 = 40.0 * std::pow(50.0, u(rng));
    const double decay = 3.0 + 30.0 * u(rng);    // 1/s
    const double glide = 1.0 + 2.0 * u(rng);     // start this many times higher
    const double noise = u(rng);
    std::vector<float> x(static_cast<std::size_t>(seconds * grid::kSampleRate));
    double phase = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = double(i) / grid::kSampleRate;
        const double f = f0 * (1.0 + (glide - 1.0) * std::exp(-30.0 * t));
        phase += 2.0 * std::numbers::pi * f / grid::kSampleRate;
        const double tone = std::sin(phase) + 0.5 * std::sin(2.76 * phase) + 0.25 * std::sin(5.4 * phase);
        x[i] = static_cast<float>(0.3 * std::exp(-decay * t) * (tone + noise * std::exp(-40.0 * t) * g(rng)));
    }
    return x;
}

struct Figure {
    double seconds = 0.0;
    double wall = 0.0;
    double times() const { return seconds / wall; }
};

template<typename F>
Figure timeIt(double audioSeconds, int repeats, F &&f)
{
    f(); // warm the caches and the FFT plans
    QElapsedTimer timer;
    timer.start();
    for (int r = 0; r < repeats; ++r)
        f();
    return {audioSeconds * repeats, timer.nsecsElapsed() * 1e-9};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::mt19937 rng(2024);
    DescriptorAnalyzer analyzer;

    std::printf("Descriptor analysis, one thread (target >= 500x real time)\n");
    std::vector<std::vector<float>> impacts;
    double impactSeconds = 0.0;
    for (int i = 0; i < 40; ++i) {
        impacts.push_back(impact(rng, 0.3 + 2.7 * std::uniform_real_distribution<double>(0, 1)(rng)));
        impactSeconds += impacts.back().size() / double(grid::kSampleRate);
    }
    const Figure impactFigure = timeIt(impactSeconds, 3, [&] {
        for (const auto &x : impacts)
            analyzer.analyze(x);
    });
    std::printf("  40 synthetic impacts (%.1f s of audio):  %7.0fx real time  (%.2f ms per second of audio)\n",
                impactSeconds, impactFigure.times(), 1000.0 / impactFigure.times());

    std::normal_distribution<float> g(0.0f, 0.1f);
    std::vector<float> noise(10 * grid::kSampleRate);
    for (float &v : noise)
        v = g(rng);
    const Figure noiseFigure = timeIt(10.0, 3, [&] { analyzer.analyze(noise); });
    std::printf("  10 s of white noise (worst case):        %7.0fx real time  (%.2f ms per second of audio)\n",
                noiseFigure.times(), 1000.0 / noiseFigure.times());

    const std::vector<float> silence(10 * grid::kSampleRate, 0.0f);
    const Figure silenceFigure = timeIt(10.0, 3, [&] { analyzer.analyze(silence); });
    std::printf("  10 s of silence:                         %7.0fx real time\n", silenceFigure.times());

    const Figure spectrogramFigure = timeIt(10.0, 3, [&] { Spectrogram::compute(noise); });
    std::printf("\nDisplay spectrogram (1200 x 400, 2048-point FFT) of 10 s: %.1f ms\n", spectrogramFigure.wall * 1000.0 / 3);

    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("noise.wav"));
    AudioFile::write(wav, noise, SampleFormat::Pcm24, 44100);
    const Figure loadFigure = timeIt(10.0 * 48000 / 44100, 3, [&] { (void)AudioFile::read(wav); });
    std::printf("Loading a 44.1 kHz 24-bit WAV (decode + resample to 48 kHz): %7.0fx real time\n", loadFigure.times());
    return 0;
}
