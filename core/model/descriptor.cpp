// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptor.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace neurorack {

namespace {

// The table the whole product agrees on; docs/file-formats.md mirrors it.
constexpr std::array<Descriptor, kDescriptorCount> kTable{{
    {DescriptorId::Loudness, "loudness", QT_TRANSLATE_NOOP("Descriptor", "Loudness"), "LUFS", -70.0, 6.0, -70.0,
     SliderScale::Linear, -70.0},
    {DescriptorId::Percussivity, "percussivity", QT_TRANSLATE_NOOP("Descriptor", "Percussivity"), "", 0.0, 1.0, 0.0,
     SliderScale::Linear, 0.0},
    {DescriptorId::Noisiness, "noisiness", QT_TRANSLATE_NOOP("Descriptor", "Noisiness"), "", 0.0, 1.0, 0.0,
     SliderScale::Linear, 0.0},
    {DescriptorId::Tonality, "tonality", QT_TRANSLATE_NOOP("Descriptor", "Tonality"), "", 0.0, 1.0, 0.0,
     SliderScale::Linear, 0.0},
    {DescriptorId::Richness, "richness", QT_TRANSLATE_NOOP("Descriptor", "Richness"), "Hz", 0.0, 12000.0, 0.0,
     SliderScale::Logarithmic, 20.0},
    {DescriptorId::Brightness, "brightness", QT_TRANSLATE_NOOP("Descriptor", "Brightness"), "Hz", 0.0, 24000.0, 0.0,
     SliderScale::Logarithmic, 20.0},
    {DescriptorId::Pitch, "pitch", QT_TRANSLATE_NOOP("Descriptor", "Pitch"), "Hz", 20.0, 8000.0, 20.0,
     SliderScale::Logarithmic, 20.0},
}};

constexpr std::array<const char *, 12> kNoteNames{"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

} // namespace

QString Descriptor::translatedName() const
{
    return QCoreApplication::translate("Descriptor", displayName);
}

double Descriptor::clamp(double value) const
{
    return std::clamp(value, minimum, maximum);
}

double Descriptor::toNormalized(double value) const
{
    if (sliderScale == SliderScale::Linear)
        return std::clamp((value - minimum) / (maximum - minimum), 0.0, 1.0);
    if (!(value > sliderFloor))
        return 0.0;
    return std::clamp(std::log(value / sliderFloor) / std::log(maximum / sliderFloor), 0.0, 1.0);
}

double Descriptor::fromNormalized(double position) const
{
    position = std::clamp(position, 0.0, 1.0);
    if (sliderScale == SliderScale::Linear)
        return minimum + position * (maximum - minimum);
    return clamp(sliderFloor * std::pow(maximum / sliderFloor, position));
}

QString Descriptor::formatValue(double value) const
{
    if (id == DescriptorId::Pitch) {
        if (std::isnan(value))
            return QCoreApplication::translate("Descriptor", "unvoiced");
        const auto note = convert::hzToNote(value);
        return QStringLiteral("%1 Hz (%2 %3%4 ct)")
            .arg(value, 0, 'f', value < 100 ? 1 : 0)
            .arg(note.name())
            .arg(note.cents >= 0 ? QStringLiteral("+") : QString())
            .arg(std::lround(note.cents));
    }
    if (id == DescriptorId::Loudness)
        return QStringLiteral("%1 LUFS").arg(value, 0, 'f', 1);
    if (unit[0] == '\0')
        return QString::number(value, 'f', 2);
    return QStringLiteral("%1 %2").arg(std::lround(value)).arg(unitString());
}

const Descriptor &descriptor(DescriptorId id)
{
    return kTable[static_cast<std::size_t>(id)];
}

const Descriptor &descriptorAt(int index)
{
    Q_ASSERT(index >= 0 && index < kDescriptorCount);
    return kTable[static_cast<std::size_t>(index)];
}

std::optional<DescriptorId> descriptorFromKey(QStringView key)
{
    for (const auto &d : kTable) {
        if (key == QLatin1String(d.key))
            return d.id;
    }
    return std::nullopt;
}

QStringList descriptorKeys()
{
    QStringList keys;
    for (const auto &d : kTable)
        keys << d.keyString();
    return keys;
}

namespace convert {

double hzToMidi(double hz)
{
    return kA4Midi + 12.0 * std::log2(hz / kA4Hz);
}

double midiToHz(double midi)
{
    return kA4Hz * std::exp2((midi - kA4Midi) / 12.0);
}

double centsBetween(double fromHz, double toHz)
{
    return 1200.0 * std::log2(toHz / fromHz);
}

double semitonesToRatio(double semitones)
{
    return std::exp2(semitones / 12.0);
}

Note hzToNote(double hz)
{
    const double midi = hzToMidi(hz);
    Note note;
    note.midi = static_cast<int>(std::lround(midi));
    note.cents = (midi - note.midi) * 100.0;
    return note;
}

QString Note::name() const
{
    return midiNoteName(midi);
}

QString midiNoteName(int midi)
{
    // Floor division so that negative notes get octave −1, −2, … rather than 0.
    const int octave = (midi >= 0 ? midi / 12 : (midi - 11) / 12) - 1;
    const int pitchClass = ((midi % 12) + 12) % 12;
    return QLatin1String(kNoteNames[static_cast<std::size_t>(pitchClass)]) + QString::number(octave);
}

std::optional<int> parseNoteName(QStringView name)
{
    static constexpr std::array<int, 7> kLetterClass{9, 11, 0, 2, 4, 5, 7}; // A B C D E F G
    name = name.trimmed();
    if (name.size() < 2)
        return std::nullopt;
    const QChar letter = name.at(0).toUpper();
    if (letter < QLatin1Char('A') || letter > QLatin1Char('G'))
        return std::nullopt;
    int pitchClass = kLetterClass[static_cast<std::size_t>(letter.unicode() - 'A')];
    qsizetype pos = 1;
    if (name.at(pos) == QLatin1Char('#')) {
        ++pitchClass;
        ++pos;
    } else if (name.at(pos) == QLatin1Char('b')) {
        --pitchClass;
        ++pos;
    }
    bool ok = false;
    const int octave = name.mid(pos).toInt(&ok);
    if (!ok || pos >= name.size() || octave < -1 || octave > 9)
        return std::nullopt;
    return (octave + 1) * 12 + pitchClass;
}

double dbToGain(double db)
{
    return std::pow(10.0, db / 20.0);
}

double gainToDb(double gain)
{
    if (!(gain > 1e-10))
        return -200.0;
    return 20.0 * std::log10(gain);
}

} // namespace convert
} // namespace neurorack
