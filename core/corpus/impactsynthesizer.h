// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <random>
#include <vector>

namespace neurorack {

/// The vibrating object of an impact: which mode ratios it rings with.
enum class ImpactBody {
    Membrane, ///< ideal circular membrane (drum heads): 1, 1.59, 2.14, 2.30, …
    Bar,      ///< free–free uniform bar (anvils, metal bars): 1, 2.76, 5.40, 8.93, …
    TunedBar, ///< undercut tuned bar (marimba): 1, 3.9, 9.2, …
    Plate,    ///< circular plate (cymbals, gongs): dense, inharmonic
    Shell,    ///< church bell: hum, prime, tierce, quint, nominal, …
    Block,    ///< wooden block: a few strongly damped modes
    Glass,    ///< wine glass: few, high, long-ringing modes
};

/// Everything that shapes one synthetic impact. Times in seconds, frequencies in Hz,
/// the rest 0..1 unless said otherwise.
struct ImpactParameters {
    QString category;              ///< "kick", "snare", … (for people and the corpus index)
    ImpactBody body = ImpactBody::Membrane;
    double fundamentalHz = 100.0;  ///< lowest mode, 20 … 4000
    double glideRatio = 1.0;       ///< the pitch starts this many times higher (kicks: 2–4)
    double glideSeconds = 0.04;    ///< time constant of the glide
    double decaySeconds = 0.5;     ///< T60 of the lowest mode
    double damping = 0.5;          ///< how much faster the upper modes die
    double hardness = 0.5;         ///< mallet: 0 felt … 1 steel (brightness of the excitation and its click)
    double strikePosition = 0.3;   ///< 0 centre/end … 0.5 middle: which modes are excited
    double inharmonicity = 0.0;    ///< random detune of the modes, fraction (0 … 0.05)
    double noiseLevel = 0.0;       ///< noise component against the modes (snare wires, cymbal wash)
    double noiseDecaySeconds = 0.2;
    double noiseCentreHz = 4000.0;
    double noiseBandwidthOctaves = 2.0;
    int noiseBursts = 1;           ///< claps: several bursts 10 ms apart
    double bodyHz = 150.0;         ///< a resonance of the instrument's body
    double bodyGainDb = 0.0;       ///< its boost (0 = no body)
    double room = 0.0;             ///< reverberant mix of a small room
    double durationSeconds = 1.0;  ///< length of the rendered audio
    double peakDbfs = -3.0;        ///< peak level after rendering

    /// A one-line description ("kick: membrane 52 Hz, glide ×3, decay 0.6 s, …").
    QString summary() const;
};

/// Modal synthesis of struck objects at 48 kHz: a sum of exponentially decaying modes
/// with physically motivated ratios, excited by a mallet of some hardness (its contact
/// filters the modes and adds a click), with optional pitch glide, a band of noise, a
/// body resonance and a small room. Deterministic for given parameters and seed.
class ImpactSynthesizer
{
public:
    /// 48 kHz mono audio of the impact.
    static std::vector<float> render(const ImpactParameters &parameters, quint32 seed);
    /// Parameters drawn to cover the space of impacts: a category chosen at random
    /// (kick, tom, snare, hat, cymbal, metal, bell, glass, wood, marimba, hand drum, clap,
    /// boom), then its parameters within that category's plausible ranges.
    static ImpactParameters randomParameters(std::mt19937 &rng);
    static QString bodyKey(ImpactBody body);
    /// The categories randomParameters() draws from.
    static QStringList categories();
    /// Parameters for one category, drawn within its ranges.
    static ImpactParameters categoryParameters(const QString &category, std::mt19937 &rng);
};

} // namespace neurorack
