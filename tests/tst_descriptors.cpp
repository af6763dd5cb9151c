// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor table and the conversions musicians need (Hz ↔ notes, dB, sliders).
#include "model/descriptor.h"

#include <QTest>

#include <cmath>

using namespace neurorack;

class tst_Descriptors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableOrderAndKeys()
    {
        const QStringList expected{QStringLiteral("loudness"), QStringLiteral("percussivity"), QStringLiteral("noisiness"),
                                   QStringLiteral("tonality"), QStringLiteral("richness"),     QStringLiteral("brightness"),
                                   QStringLiteral("pitch")};
        QCOMPARE(descriptorKeys(), expected);
        for (int i = 0; i < kDescriptorCount; ++i) {
            QCOMPARE(descriptorAt(i).index(), i);
            QCOMPARE(descriptorFromKey(expected.at(i)), std::optional(static_cast<DescriptorId>(i)));
            QVERIFY(descriptorAt(i).minimum < descriptorAt(i).maximum);
            QVERIFY(!descriptorAt(i).translatedName().isEmpty());
        }
        QCOMPARE(descriptorFromKey(u"Pitch"), std::nullopt);
        QCOMPARE(descriptorFromKey(u"wobble"), std::nullopt);
        QCOMPARE(descriptor(DescriptorId::Loudness).unitString(), QStringLiteral("LUFS"));
        QCOMPARE(descriptor(DescriptorId::Pitch).maximum, 8000.0);
    }

    void hzToMidi_data()
    {
        QTest::addColumn<double>("hz");
        QTest::addColumn<double>("midi");
        QTest::addRow("A4") << 440.0 << 69.0;
        QTest::addRow("middle C") << 261.6255653 << 60.0;
        QTest::addRow("A0, lowest piano key") << 27.5 << 21.0;
        QTest::addRow("A5 an octave up") << 880.0 << 81.0;
        QTest::addRow("quarter tone above A4") << 452.8929841 << 69.5;
    }
    void hzToMidi()
    {
        QFETCH(double, hz);
        QFETCH(double, midi);
        QVERIFY(std::abs(convert::hzToMidi(hz) - midi) < 1e-6);
        QVERIFY(std::abs(convert::midiToHz(midi) - hz) < 1e-5);
    }

    void noteNames_data()
    {
        QTest::addColumn<int>("midi");
        QTest::addColumn<QString>("name");
        QTest::addRow("C4") << 60 << QStringLiteral("C4");
        QTest::addRow("A4") << 69 << QStringLiteral("A4");
        QTest::addRow("C#4") << 61 << QStringLiteral("C#4");
        QTest::addRow("lowest MIDI note") << 0 << QStringLiteral("C-1");
        QTest::addRow("highest MIDI note") << 127 << QStringLiteral("G9");
        QTest::addRow("B-1 is below C0") << 11 << QStringLiteral("B-1");
    }
    void noteNames()
    {
        QFETCH(int, midi);
        QFETCH(QString, name);
        QCOMPARE(convert::midiNoteName(midi), name);
        QCOMPARE(convert::parseNoteName(name), std::optional(midi));
    }

    void parseNoteNameVariants()
    {
        QCOMPARE(convert::parseNoteName(u"c#2"), std::optional(37));
        QCOMPARE(convert::parseNoteName(u"Eb4"), std::optional(63));
        QCOMPARE(convert::parseNoteName(u" A4 "), std::optional(69));
        QCOMPARE(convert::parseNoteName(u"H2"), std::nullopt);
        QCOMPARE(convert::parseNoteName(u"A"), std::nullopt);
        QCOMPARE(convert::parseNoteName(u"A#"), std::nullopt);
        QCOMPARE(convert::parseNoteName(u"A10"), std::nullopt);
        QCOMPARE(convert::parseNoteName(u""), std::nullopt);
    }

    void nearestNoteAndCents()
    {
        const auto a = convert::hzToNote(445.0);
        QCOMPARE(a.midi, 69);
        QVERIFY(std::abs(a.cents - 19.56) < 0.01);
        const auto b = convert::hzToNote(435.0);
        QCOMPARE(b.name(), QStringLiteral("A4"));
        QVERIFY(b.cents < 0);
        QVERIFY(std::abs(convert::centsBetween(440.0, 880.0) - 1200.0) < 1e-9);
        QVERIFY(std::abs(convert::centsBetween(440.0, 466.1637615) - 100.0) < 1e-4);
        QVERIFY(std::abs(convert::semitonesToRatio(12.0) - 2.0) < 1e-12);
    }

    void decibels()
    {
        QVERIFY(std::abs(convert::dbToGain(0.0) - 1.0) < 1e-12);
        QVERIFY(std::abs(convert::dbToGain(-6.0205999) - 0.5) < 1e-6);
        QVERIFY(std::abs(convert::gainToDb(0.1) + 20.0) < 1e-9);
        QCOMPARE(convert::gainToDb(0.0), -200.0);
        QCOMPARE(convert::gainToDb(-1.0), -200.0);
    }

    void sliderPositions_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("position");
        QTest::addRow("loudness floor") << int(DescriptorId::Loudness) << -70.0 << 0.0;
        QTest::addRow("loudness top") << int(DescriptorId::Loudness) << 6.0 << 1.0;
        QTest::addRow("loudness middle") << int(DescriptorId::Loudness) << -32.0 << 0.5;
        QTest::addRow("tonality") << int(DescriptorId::Tonality) << 0.25 << 0.25;
        QTest::addRow("pitch bottom") << int(DescriptorId::Pitch) << 20.0 << 0.0;
        QTest::addRow("pitch top") << int(DescriptorId::Pitch) << 8000.0 << 1.0;
        QTest::addRow("pitch log middle") << int(DescriptorId::Pitch) << 400.0 << 0.5;
        QTest::addRow("brightness below floor") << int(DescriptorId::Brightness) << 5.0 << 0.0;
    }
    void sliderPositions()
    {
        QFETCH(int, id);
        QFETCH(double, value);
        QFETCH(double, position);
        const auto &d = descriptorAt(id);
        QVERIFY2(std::abs(d.toNormalized(value) - position) < 1e-9, qPrintable(QString::number(d.toNormalized(value))));
        if (d.contains(value) && value >= d.sliderFloor)
            QVERIFY(std::abs(d.fromNormalized(position) - value) < 1e-6 * std::max(1.0, std::abs(value)));
    }

    void sliderRoundTripAndClamp()
    {
        for (const auto id : kAllDescriptors) {
            const auto &d = descriptor(id);
            for (double x = 0.0; x <= 1.0; x += 0.125) {
                const double v = d.fromNormalized(x);
                QVERIFY(d.contains(v));
                QVERIFY(std::abs(d.toNormalized(v) - x) < 1e-9);
            }
            QCOMPARE(d.toNormalized(d.maximum * 10 + 100), 1.0);
            QCOMPARE(d.clamp(d.maximum + 1), d.maximum);
            QCOMPARE(d.clamp(d.minimum - 1), d.minimum);
        }
    }

    void formatting()
    {
        QCOMPARE(descriptor(DescriptorId::Pitch).formatValue(440.0), QStringLiteral("440 Hz (A4 +0 ct)"));
        QCOMPARE(descriptor(DescriptorId::Pitch).formatValue(std::nan("")), QStringLiteral("unvoiced"));
        QCOMPARE(descriptor(DescriptorId::Loudness).formatValue(-14.24), QStringLiteral("-14.2 LUFS"));
        QCOMPARE(descriptor(DescriptorId::Brightness).formatValue(2500.4), QStringLiteral("2500 Hz"));
        QCOMPARE(descriptor(DescriptorId::Noisiness).formatValue(0.5), QStringLiteral("0.50"));
    }
};

QTEST_GUILESS_MAIN(tst_Descriptors)
#include "tst_descriptors.moc"
