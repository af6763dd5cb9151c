// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace neurorack {

/// The seven perceptual descriptors, in the fixed order used by files, the wire,
/// the model input and the UI (DESIGN.md).
enum class DescriptorId : int {
    Loudness = 0,
    Percussivity = 1,
    Noisiness = 2,
    Tonality = 3,
    Richness = 4,
    Brightness = 5,
    Pitch = 6,
};

inline constexpr int kDescriptorCount = 7;

/// All descriptors in order, for range-for loops.
inline constexpr std::array<DescriptorId, kDescriptorCount> kAllDescriptors{
    DescriptorId::Loudness, DescriptorId::Percussivity, DescriptorId::Noisiness, DescriptorId::Tonality,
    DescriptorId::Richness, DescriptorId::Brightness,   DescriptorId::Pitch,
};

/// How a descriptor maps onto a 0..1 slider.
enum class SliderScale {
    Linear,      ///< evenly over [minimum, maximum]
    Logarithmic, ///< evenly in log frequency over [sliderFloor, maximum]; below the floor reads as 0
};

/// Static facts about one descriptor: its file id, unit and valid range.
struct Descriptor {
    DescriptorId id;
    const char *key;         ///< id in files and on the wire: "loudness", …
    const char *displayName; ///< English name, translated by displayName()
    const char *unit;        ///< "LUFS", "Hz", or "" for 0..1 descriptors
    double minimum;          ///< smallest valid value, in unit
    double maximum;          ///< largest valid value, in unit
    double neutral;          ///< value of a silent or empty frame
    SliderScale sliderScale;
    double sliderFloor;      ///< lowest value a logarithmic slider shows

    int index() const { return static_cast<int>(id); }
    QString keyString() const { return QString::fromLatin1(key); }
    QString unitString() const { return QString::fromLatin1(unit); }
    /// Display name in the application's language.
    QString translatedName() const;
    /// Whether @p value lies in the valid range (both ends included).
    bool contains(double value) const { return value >= minimum && value <= maximum; }
    double clamp(double value) const;
    /// Maps a value to a 0..1 slider position (see SliderScale).
    double toNormalized(double value) const;
    /// Inverse of toNormalized(); the result lies in the valid range.
    double fromNormalized(double position) const;
    /// "−14.2 LUFS", "440 Hz (A4 +0 ct)", "0.53".
    QString formatValue(double value) const;
    /// Width of the valid range, in unit.
    double span() const { return maximum - minimum; }
};

/// The descriptor table entry for @p id.
const Descriptor &descriptor(DescriptorId id);
/// The descriptor at position @p index (0..6).
const Descriptor &descriptorAt(int index);
/// Looks a descriptor up by its file key ("pitch"); nullopt if unknown.
std::optional<DescriptorId> descriptorFromKey(QStringView key);
/// All file keys in order, for messages.
QStringList descriptorKeys();

/// Pitch and level conversions musicians and engineers need.
namespace convert {

inline constexpr double kA4Hz = 440.0;
inline constexpr int kA4Midi = 69;

/// Frequency in Hz to a fractional MIDI note number (A4 = 440 Hz = 69).
double hzToMidi(double hz);
/// Fractional MIDI note number to frequency in Hz.
double midiToHz(double midi);
/// Interval from @p fromHz to @p toHz in cents (positive when toHz is higher).
double centsBetween(double fromHz, double toHz);
/// Frequency ratio of @p semitones.
double semitonesToRatio(double semitones);

/// The nearest equal-tempered note to a frequency and the deviation from it.
struct Note {
    int midi = 0;       ///< MIDI note number
    double cents = 0.0; ///< −50 … +50
    QString name() const;  ///< "A4", "C#2"
};
Note hzToNote(double hz);
/// Note name of a MIDI number ("C4" is 60).
QString midiNoteName(int midi);
/// Parses "A4", "c#2", "Eb-1" to a MIDI number; nullopt on anything else.
std::optional<int> parseNoteName(QStringView name);

/// Decibels to linear amplitude, and back (gain of 0 is −inf dB, returned as −200).
double dbToGain(double db);
double gainToDb(double gain);

} // namespace convert
} // namespace neurorack
