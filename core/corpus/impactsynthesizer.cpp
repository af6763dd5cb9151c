// SPDX-License-Identifier: GPL-3.0-or-later
#include "impactsynthesizer.h"

#include "model/framegrid.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <span>

namespace neurorack {

namespace {

constexpr double kRate = grid::kSampleRate;
constexpr double kTwoPi = 2.0 * std::numbers::pi;

// Mode frequency ratios (to the lowest mode). Membrane: zeros of Bessel functions of a
// circular membrane; bar: free–free Euler–Bernoulli beam; tuned bar: marimba undercut;
// plate: circular free plate; shell: a minor-third church bell; block and glass from
// measured wood blocks and wine glasses (Fletcher & Rossing, The Physics of Musical
// Instruments, chapters 18–21).
constexpr std::array kMembrane{1.0, 1.594, 2.136, 2.296, 2.653, 2.918, 3.156, 3.501, 3.600, 3.652, 4.060, 4.154, 4.601, 4.832, 4.903, 5.131};
constexpr std::array kBar{1.0, 2.756, 5.404, 8.933, 13.345, 18.638, 24.813};
constexpr std::array kTunedBar{1.0, 3.93, 9.22, 15.1, 21.4};
constexpr std::array kPlate{1.0, 1.73, 2.33, 3.0, 3.91, 4.11, 5.0, 5.9, 6.7, 7.8, 8.9, 9.6, 10.7, 12.1, 13.5, 14.8, 16.5, 18.3, 20.2, 22.4};
constexpr std::array kShell{0.5, 1.0, 1.2, 1.5, 2.0, 2.5, 2.67, 3.0, 4.0, 5.33, 6.0, 8.0};
constexpr std::array kBlock{1.0, 2.57, 4.19, 6.81};
constexpr std::array kGlass{1.0, 2.32, 4.25, 6.63, 9.38};

std::span<const double> ratiosFor(ImpactBody body)
{
    switch (body) {
    case ImpactBody::Membrane:
        return kMembrane;
    case ImpactBody::Bar:
        return kBar;
    case ImpactBody::TunedBar:
        return kTunedBar;
    case ImpactBody::Plate:
        return kPlate;
    case ImpactBody::Shell:
        return kShell;
    case ImpactBody::Block:
        return kBlock;
    case ImpactBody::Glass:
        return kGlass;
    }
    return kMembrane;
}

/// A biquad (RBJ cookbook), direct form I.
struct Biquad {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;

    static Biquad bandPass(double hz, double q)
    {
        const double w = kTwoPi * std::min(hz, kRate * 0.45) / kRate;
        const double alpha = std::sin(w) / (2.0 * q);
        const double a0 = 1.0 + alpha;
        return {alpha / a0, 0.0, -alpha / a0, -2.0 * std::cos(w) / a0, (1.0 - alpha) / a0};
    }
    static Biquad peaking(double hz, double q, double gainDb)
    {
        const double a = std::pow(10.0, gainDb / 40.0);
        const double w = kTwoPi * std::min(hz, kRate * 0.45) / kRate;
        const double alpha = std::sin(w) / (2.0 * q);
        const double a0 = 1.0 + alpha / a;
        return {(1.0 + alpha * a) / a0, -2.0 * std::cos(w) / a0, (1.0 - alpha * a) / a0, -2.0 * std::cos(w) / a0, (1.0 - alpha / a) / a0};
    }
    double process(double x)
    {
        const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
};

/// A small Schroeder room: four combs in parallel, two all-passes in series.
void addRoom(std::vector<float> &x, double mix, double rt60)
{
    if (mix <= 0.0)
        return;
    constexpr std::array combMs{29.7, 37.1, 41.1, 43.7};
    constexpr std::array allpassMs{5.0, 1.7};
    std::vector<double> wet(x.size(), 0.0);
    for (const double ms : combMs) {
        const std::size_t d = static_cast<std::size_t>(ms * kRate / 1000.0);
        const double g = std::pow(10.0, -3.0 * (ms / 1000.0) / rt60);
        std::vector<double> buffer(d, 0.0);
        std::size_t pos = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double y = buffer[pos];
            buffer[pos] = x[i] + g * y;
            pos = (pos + 1) % d;
            wet[i] += 0.25 * y;
        }
    }
    for (const double ms : allpassMs) {
        const std::size_t d = static_cast<std::size_t>(ms * kRate / 1000.0);
        std::vector<double> buffer(d, 0.0);
        std::size_t pos = 0;
        for (double &v : wet) {
            const double delayed = buffer[pos];
            const double in = v + 0.7 * delayed;
            buffer[pos] = in;
            v = delayed - 0.7 * in;
            pos = (pos + 1) % d;
        }
    }
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = static_cast<float>(x[i] + mix * wet[i]);
}

double uniform(std::mt19937 &rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

double logUniform(std::mt19937 &rng, double lo, double hi)
{
    return lo * std::pow(hi / lo, uniform(rng, 0.0, 1.0));
}

} // namespace

QString ImpactSynthesizer::bodyKey(ImpactBody body)
{
    switch (body) {
    case ImpactBody::Membrane:
        return QStringLiteral("membrane");
    case ImpactBody::Bar:
        return QStringLiteral("bar");
    case ImpactBody::TunedBar:
        return QStringLiteral("tuned_bar");
    case ImpactBody::Plate:
        return QStringLiteral("plate");
    case ImpactBody::Shell:
        return QStringLiteral("shell");
    case ImpactBody::Block:
        return QStringLiteral("block");
    case ImpactBody::Glass:
        return QStringLiteral("glass");
    }
    return {};
}

QString ImpactParameters::summary() const
{
    QString s = QStringLiteral("%1: %2 %3 Hz, decay %4 s, hardness %5")
                    .arg(category, ImpactSynthesizer::bodyKey(body))
                    .arg(fundamentalHz, 0, 'f', 0)
                    .arg(decaySeconds, 0, 'f', 2)
                    .arg(hardness, 0, 'f', 2);
    if (glideRatio > 1.01)
        s += QStringLiteral(", glide ×%1").arg(glideRatio, 0, 'f', 1);
    if (noiseLevel > 0.01)
        s += QStringLiteral(", noise %1 at %2 Hz").arg(noiseLevel, 0, 'f', 2).arg(noiseCentreHz, 0, 'f', 0);
    if (room > 0.01)
        s += QStringLiteral(", room %1").arg(room, 0, 'f', 2);
    return s;
}

std::vector<float> ImpactSynthesizer::render(const ImpactParameters &p, quint32 seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const std::size_t n = static_cast<std::size_t>(std::clamp(p.durationSeconds, 0.02, 10.0) * kRate);
    std::vector<double> out(n, 0.0);

    // The modes: ratio × fundamental (detuned), amplitude from the strike position and
    // the mallet's contact (a soft mallet excites the high modes less), decay from the
    // damping (high modes die sooner).
    const auto ratios = ratiosFor(p.body);
    const double contactHz = 250.0 + 14000.0 * p.hardness * p.hardness;
    for (std::size_t k = 0; k < ratios.size(); ++k) {
        const double detune = 1.0 + p.inharmonicity * gauss(rng);
        const double f = p.fundamentalHz * ratios[k] * (k == 0 ? 1.0 : detune);
        if (f * p.glideRatio >= kRate * 0.45)
            break;
        const double position = std::abs(std::sin(std::numbers::pi * (double(k) + 1.0) * (0.07 + p.strikePosition)));
        const double contact = 1.0 / (1.0 + (f / contactHz) * (f / contactHz));
        const double amplitude = (0.2 + 0.8 * position) * contact / std::sqrt(1.0 + double(k));
        const double t60 = p.decaySeconds / (1.0 + p.damping * 3.0 * (ratios[k] - ratios[0]) / ratios[0] + 1e-9);
        const double perSample = std::pow(10.0, -3.0 / (std::max(t60, 0.005) * kRate)); // −60 dB over t60
        double envelope = amplitude;
        double phase = uniform(rng, 0.0, 0.2); // near-sine start: no step at the strike
        for (std::size_t i = 0; i < n && envelope > 1e-6; ++i) {
            const double t = double(i) / kRate;
            const double glide = 1.0 + (p.glideRatio - 1.0) * std::exp(-t / std::max(p.glideSeconds, 1e-3));
            phase += kTwoPi * f * glide / kRate;
            out[i] += envelope * std::sin(phase);
            envelope *= perSample;
        }
    }

    // The mallet's click: a short burst of noise, brighter and louder for hard mallets.
    const std::size_t clickLength = static_cast<std::size_t>((0.0005 + 0.004 * (1.0 - p.hardness)) * kRate);
    double previous = 0.0;
    for (std::size_t i = 0; i < std::min(clickLength, n); ++i) {
        const double w = 0.5 - 0.5 * std::cos(kTwoPi * double(i) / double(clickLength));
        const double white = gauss(rng);
        const double high = white - (1.0 - p.hardness) * previous; // harder: more treble
        previous = white;
        out[i] += 0.4 * p.hardness * w * high;
    }

    // Noise: snare wires, cymbal wash, a clap's bursts, a boom's rumble.
    if (p.noiseLevel > 0.0) {
        const double octaves = std::max(p.noiseBandwidthOctaves, 0.1);
        const double q = std::sqrt(std::pow(2.0, octaves)) / (std::pow(2.0, octaves) - 1.0);
        Biquad band = Biquad::bandPass(p.noiseCentreHz, q);
        const double perSample = std::pow(10.0, -3.0 / (std::max(p.noiseDecaySeconds, 0.005) * kRate));
        const int bursts = std::max(1, p.noiseBursts);
        const std::size_t spacing = static_cast<std::size_t>(0.011 * kRate);
        for (int b = 0; b < bursts; ++b) {
            const std::size_t start = std::size_t(b) * spacing;
            const bool last = b + 1 == bursts;
            const double burstDecay = last ? perSample : std::pow(10.0, -3.0 / (0.02 * kRate));
            double envelope = p.noiseLevel * (0.8 + 0.4 * uniform(rng, 0.0, 1.0));
            for (std::size_t i = start; i < n && envelope > 1e-6; ++i) {
                const double attack = std::min(1.0, double(i - start) / (0.001 * kRate));
                out[i] += 3.0 * envelope * attack * band.process(gauss(rng));
                envelope *= burstDecay;
            }
        }
    }

    if (p.bodyGainDb > 0.0) {
        Biquad body = Biquad::peaking(p.bodyHz, 2.0, p.bodyGainDb);
        for (double &v : out)
            v = body.process(v);
    }

    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = static_cast<float>(out[i]);
    addRoom(x, p.room, 0.25 + 0.6 * p.room);

    // A short fade at the end, then the peak level asked for.
    const std::size_t fade = std::min<std::size_t>(n, static_cast<std::size_t>(0.01 * kRate));
    for (std::size_t i = 0; i < fade; ++i)
        x[n - 1 - i] *= static_cast<float>(double(i) / double(fade));
    float peak = 0.0f;
    for (const float v : x)
        peak = std::max(peak, std::abs(v));
    if (peak > 0.0f) {
        const float gain = static_cast<float>(std::pow(10.0, p.peakDbfs / 20.0)) / peak;
        for (float &v : x)
            v *= gain;
    }
    return x;
}

QStringList ImpactSynthesizer::categories()
{
    return {QStringLiteral("kick"), QStringLiteral("tom"),   QStringLiteral("snare"),  QStringLiteral("hat"),
            QStringLiteral("cymbal"), QStringLiteral("metal"), QStringLiteral("bell"),  QStringLiteral("glass"),
            QStringLiteral("wood"), QStringLiteral("marimba"), QStringLiteral("hand_drum"), QStringLiteral("clap"),
            QStringLiteral("boom")};
}

ImpactParameters ImpactSynthesizer::categoryParameters(const QString &category, std::mt19937 &rng)
{
    ImpactParameters p;
    p.category = category;
    p.strikePosition = uniform(rng, 0.05, 0.45);
    p.room = uniform(rng, 0.0, 1.0) < 0.5 ? 0.0 : uniform(rng, 0.05, 0.35);
    p.peakDbfs = uniform(rng, -24.0, -1.0);
    if (category == QLatin1String("kick")) {
        p.body = ImpactBody::Membrane;
        p.fundamentalHz = logUniform(rng, 35, 75);
        p.glideRatio = uniform(rng, 1.5, 4.0);
        p.glideSeconds = uniform(rng, 0.015, 0.08);
        p.decaySeconds = uniform(rng, 0.25, 1.2);
        p.damping = uniform(rng, 0.6, 1.0);
        p.hardness = uniform(rng, 0.1, 0.7);
        p.noiseLevel = uniform(rng, 0.0, 0.15);
        p.noiseDecaySeconds = uniform(rng, 0.01, 0.05);
        p.noiseCentreHz = logUniform(rng, 1000, 5000);
        p.bodyHz = logUniform(rng, 50, 120);
        p.bodyGainDb = uniform(rng, 0.0, 9.0);
    } else if (category == QLatin1String("tom")) {
        p.body = ImpactBody::Membrane;
        p.fundamentalHz = logUniform(rng, 70, 260);
        p.glideRatio = uniform(rng, 1.0, 1.35);
        p.glideSeconds = uniform(rng, 0.03, 0.12);
        p.decaySeconds = uniform(rng, 0.3, 1.4);
        p.damping = uniform(rng, 0.4, 0.8);
        p.hardness = uniform(rng, 0.3, 0.75);
        p.noiseLevel = uniform(rng, 0.0, 0.1);
        p.noiseDecaySeconds = 0.03;
        p.noiseCentreHz = 2000;
    } else if (category == QLatin1String("snare")) {
        p.body = ImpactBody::Membrane;
        p.fundamentalHz = logUniform(rng, 150, 320);
        p.glideRatio = uniform(rng, 1.0, 1.2);
        p.decaySeconds = uniform(rng, 0.08, 0.35);
        p.damping = uniform(rng, 0.5, 0.9);
        p.hardness = uniform(rng, 0.5, 0.9);
        p.noiseLevel = uniform(rng, 0.4, 1.0);
        p.noiseDecaySeconds = uniform(rng, 0.1, 0.45);
        p.noiseCentreHz = logUniform(rng, 2500, 7000);
        p.noiseBandwidthOctaves = uniform(rng, 1.5, 3.0);
    } else if (category == QLatin1String("hat") || category == QLatin1String("cymbal")) {
        const bool hat = category == QLatin1String("hat");
        p.body = ImpactBody::Plate;
        p.fundamentalHz = logUniform(rng, 250, 900);
        p.inharmonicity = uniform(rng, 0.01, 0.05);
        p.decaySeconds = hat ? uniform(rng, 0.05, 0.4) : uniform(rng, 1.0, 4.0);
        p.damping = uniform(rng, 0.05, 0.3);
        p.hardness = uniform(rng, 0.7, 1.0);
        p.noiseLevel = uniform(rng, 0.4, 1.0);
        p.noiseDecaySeconds = hat ? uniform(rng, 0.04, 0.3) : uniform(rng, 0.8, 3.5);
        p.noiseCentreHz = logUniform(rng, 5000, 12000);
        p.noiseBandwidthOctaves = uniform(rng, 1.0, 2.5);
    } else if (category == QLatin1String("metal")) {
        p.body = ImpactBody::Bar;
        p.fundamentalHz = logUniform(rng, 150, 1500);
        p.inharmonicity = uniform(rng, 0.0, 0.02);
        p.decaySeconds = uniform(rng, 0.6, 4.0);
        p.damping = uniform(rng, 0.05, 0.4);
        p.hardness = uniform(rng, 0.6, 1.0);
    } else if (category == QLatin1String("bell")) {
        p.body = ImpactBody::Shell;
        p.fundamentalHz = logUniform(rng, 200, 1200);
        p.inharmonicity = uniform(rng, 0.0, 0.01);
        p.decaySeconds = uniform(rng, 1.5, 4.5);
        p.damping = uniform(rng, 0.05, 0.3);
        p.hardness = uniform(rng, 0.5, 0.9);
    } else if (category == QLatin1String("glass")) {
        p.body = ImpactBody::Glass;
        p.fundamentalHz = logUniform(rng, 600, 3000);
        p.decaySeconds = uniform(rng, 0.4, 2.5);
        p.damping = uniform(rng, 0.2, 0.5);
        p.hardness = uniform(rng, 0.7, 1.0);
    } else if (category == QLatin1String("wood")) {
        p.body = ImpactBody::Block;
        p.fundamentalHz = logUniform(rng, 300, 1600);
        p.decaySeconds = uniform(rng, 0.04, 0.3);
        p.damping = uniform(rng, 0.6, 1.0);
        p.hardness = uniform(rng, 0.5, 0.95);
    } else if (category == QLatin1String("marimba")) {
        p.body = ImpactBody::TunedBar;
        p.fundamentalHz = logUniform(rng, 90, 1000);
        p.decaySeconds = uniform(rng, 0.3, 1.5);
        p.damping = uniform(rng, 0.3, 0.7);
        p.hardness = uniform(rng, 0.2, 0.6);
        p.bodyHz = p.fundamentalHz;
        p.bodyGainDb = uniform(rng, 0.0, 6.0); // the resonator tube
    } else if (category == QLatin1String("hand_drum")) {
        p.body = ImpactBody::Membrane;
        p.fundamentalHz = logUniform(rng, 150, 500);
        p.glideRatio = uniform(rng, 1.0, 1.1);
        p.decaySeconds = uniform(rng, 0.12, 0.6);
        p.damping = uniform(rng, 0.4, 0.9);
        p.hardness = uniform(rng, 0.15, 0.5);
    } else if (category == QLatin1String("clap")) {
        p.body = ImpactBody::Block;
        p.fundamentalHz = logUniform(rng, 600, 1500);
        p.decaySeconds = 0.02;
        p.damping = 1.0;
        p.hardness = 0.3;
        p.noiseLevel = 1.0;
        p.noiseBursts = 2 + int(uniform(rng, 0.0, 3.0));
        p.noiseDecaySeconds = uniform(rng, 0.08, 0.3);
        p.noiseCentreHz = logUniform(rng, 900, 2500);
        p.noiseBandwidthOctaves = uniform(rng, 1.0, 2.0);
    } else { // boom
        p.category = QStringLiteral("boom");
        p.body = ImpactBody::Membrane;
        p.fundamentalHz = logUniform(rng, 25, 55);
        p.glideRatio = uniform(rng, 1.1, 2.0);
        p.glideSeconds = uniform(rng, 0.1, 0.4);
        p.decaySeconds = uniform(rng, 1.5, 4.0);
        p.damping = uniform(rng, 0.5, 0.9);
        p.hardness = uniform(rng, 0.1, 0.4);
        p.noiseLevel = uniform(rng, 0.1, 0.5);
        p.noiseDecaySeconds = uniform(rng, 0.5, 2.0);
        p.noiseCentreHz = logUniform(rng, 80, 400);
        p.noiseBandwidthOctaves = 2.5;
        p.room = uniform(rng, 0.2, 0.5);
    }
    const double tail = std::max({p.decaySeconds, p.noiseLevel > 0 ? p.noiseDecaySeconds : 0.0, 0.05});
    p.durationSeconds = std::clamp(tail * 1.1 + 0.05 + 0.4 * p.room, 0.15, 4.0);
    return p;
}

ImpactParameters ImpactSynthesizer::randomParameters(std::mt19937 &rng)
{
    const QStringList all = categories();
    const auto index = std::uniform_int_distribution<qsizetype>(0, all.size() - 1)(rng);
    return categoryParameters(all.at(index), rng);
}

} // namespace neurorack
