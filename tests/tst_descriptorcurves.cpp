// SPDX-License-Identifier: GPL-3.0-or-later
// Curve maths: the grid, time resampling, offset/scale with clamping, and the morph.
#include "model/descriptorcurves.h"
#include "model/framegrid.h"

#include <QTest>

#include <cmath>

using namespace neurorack;

namespace {

DescriptorCurves ramp(int frames, float from, float to, DescriptorId id)
{
    DescriptorCurves c(frames);
    for (int i = 0; i < frames; ++i)
        c.setValue(id, i, from + (to - from) * float(i) / float(std::max(frames - 1, 1)));
    return c;
}

DescriptorCurves constant(int frames, float loudness, float pitch, float tonality)
{
    DescriptorCurves c(frames);
    for (int i = 0; i < frames; ++i) {
        c.setValue(DescriptorId::Loudness, i, loudness);
        c.setValue(DescriptorId::Pitch, i, pitch);
        c.setValue(DescriptorId::Tonality, i, tonality);
    }
    return c;
}

bool near(double a, double b, double tolerance = 1e-4)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

} // namespace

class tst_DescriptorCurves : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grid()
    {
        QCOMPARE(grid::kFrameRate, 200);
        QCOMPARE(grid::framesForDuration(0.6), 120);
        QCOMPARE(grid::framesForDuration(1.0), 200);
        QCOMPARE(grid::durationOfFrames(120), 0.6);
        QCOMPARE(grid::kMaxFrames, 2000);
    }

    void silenceByDefault()
    {
        const DescriptorCurves c(50);
        QCOMPARE(c.frameCount(), 50);
        QCOMPARE(c.duration(), 0.25);
        QCOMPARE(c.data().size(), std::size_t(50 * kDescriptorCount));
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(c.value(DescriptorId::Loudness, i), -70.0f);
            QCOMPARE(c.value(DescriptorId::Brightness, i), 0.0f);
            QVERIFY(!c.isVoiced(i));
        }
        // Descriptor-major layout: the model input is a plain copy of data().
        DescriptorCurves d(3);
        d.setValue(DescriptorId::Tonality, 1, 0.5f);
        QCOMPARE(d.data()[3 * 3 + 1], 0.5f);
    }

    void resampleKeepsShape()
    {
        const auto c = ramp(101, 0.0f, 1.0f, DescriptorId::Noisiness);
        const auto longer = c.resampled(201);
        QCOMPARE(longer.frameCount(), 201);
        QVERIFY(near(longer.value(DescriptorId::Noisiness, 0), 0.0));
        QVERIFY(near(longer.value(DescriptorId::Noisiness, 200), 1.0));
        QVERIFY(near(longer.value(DescriptorId::Noisiness, 100), 0.5, 1e-2));
        for (int i = 1; i < 201; ++i)
            QVERIFY(longer.value(DescriptorId::Noisiness, i) >= longer.value(DescriptorId::Noisiness, i - 1));
        const auto shorter = c.resampled(11);
        QVERIFY(near(shorter.value(DescriptorId::Noisiness, 5), 0.5, 1e-2));
        QCOMPARE(c.resampled(101), c);
        QCOMPARE(c.resampled(1).frameCount(), 1);
    }

    void resamplePitchInLogFrequency()
    {
        DescriptorCurves c(2);
        c.setValue(DescriptorId::Pitch, 0, 100.0f);
        c.setValue(DescriptorId::Pitch, 1, 400.0f);
        // Stretch 2 → 4 frames: positions −0.25, 0.25, 0.75, 1.25 → clamped 0, .25, .75, 1.
        const auto r = c.resampled(4);
        QVERIFY(near(r.value(DescriptorId::Pitch, 0), 100.0));
        QVERIFY(near(r.value(DescriptorId::Pitch, 1), 100.0 * std::pow(4.0, 0.25)));
        QVERIFY(near(r.value(DescriptorId::Pitch, 3), 400.0));
    }

    void resampleVoicingFollowsNearerFrame()
    {
        DescriptorCurves c(2);
        c.setValue(DescriptorId::Pitch, 0, 220.0f); // frame 1 stays unvoiced
        const auto r = c.resampled(4);
        QVERIFY(r.isVoiced(0));
        QVERIFY(r.isVoiced(1));
        QVERIFY(!r.isVoiced(2));
        QVERIFY(!r.isVoiced(3));
        QCOMPARE(r.value(DescriptorId::Pitch, 1), 220.0f);
    }

    void offsetScale_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<float>("in");
        QTest::addColumn<double>("offset");
        QTest::addColumn<double>("scale");
        QTest::addColumn<float>("out");
        QTest::addRow("noisiness offset") << int(DescriptorId::Noisiness) << 0.3f << 0.2 << 1.0 << 0.5f;
        QTest::addRow("noisiness clamps at 1") << int(DescriptorId::Noisiness) << 0.8f << 0.5 << 1.0 << 1.0f;
        QTest::addRow("noisiness clamps at 0") << int(DescriptorId::Noisiness) << 0.2f << -0.5 << 1.0 << 0.0f;
        QTest::addRow("brightness scale") << int(DescriptorId::Brightness) << 1000.0f << 0.0 << 2.0 << 2000.0f;
        QTest::addRow("brightness clamps at Nyquist") << int(DescriptorId::Brightness) << 20000.0f << 0.0 << 2.0 << 24000.0f;
        QTest::addRow("richness offset in Hz") << int(DescriptorId::Richness) << 1000.0f << 500.0 << 1.0 << 1500.0f;
        QTest::addRow("pitch up an octave") << int(DescriptorId::Pitch) << 220.0f << 12.0 << 1.0 << 440.0f;
        QTest::addRow("pitch scale") << int(DescriptorId::Pitch) << 220.0f << 0.0 << 1.5 << 330.0f;
        QTest::addRow("pitch clamps at 8 kHz") << int(DescriptorId::Pitch) << 6000.0f << 12.0 << 1.0 << 8000.0f;
        QTest::addRow("pitch clamps at 20 Hz") << int(DescriptorId::Pitch) << 30.0f << -24.0 << 1.0 << 20.0f;
    }
    void offsetScale()
    {
        QFETCH(int, id);
        QFETCH(float, in);
        QFETCH(double, offset);
        QFETCH(double, scale);
        QFETCH(float, out);
        DescriptorCurves c(1);
        c.setValue(DescriptorId(id), 0, in);
        c.applyOffsetScale(DescriptorId(id), offset, scale);
        QVERIFY2(near(c.value(DescriptorId(id), 0), out), qPrintable(QString::number(c.value(DescriptorId(id), 0))));
    }

    void loudnessScaleKeepsPeak()
    {
        DescriptorCurves c(3);
        c.setValue(DescriptorId::Loudness, 0, -10.0f);
        c.setValue(DescriptorId::Loudness, 1, -30.0f);
        c.setValue(DescriptorId::Loudness, 2, -50.0f);
        c.applyOffsetScale(DescriptorId::Loudness, 0.0, 0.5);
        QCOMPARE(c.value(DescriptorId::Loudness, 0), -10.0f);
        QCOMPARE(c.value(DescriptorId::Loudness, 1), -20.0f);
        QCOMPARE(c.value(DescriptorId::Loudness, 2), -30.0f);
        c.applyOffsetScale(DescriptorId::Loudness, 30.0, 1.0);
        QCOMPARE(c.value(DescriptorId::Loudness, 0), 6.0f); // clamped at the top of the range
        QCOMPARE(c.value(DescriptorId::Loudness, 2), 0.0f);
    }

    void pitchTransformKeepsUnvoiced()
    {
        DescriptorCurves c(2);
        c.setValue(DescriptorId::Pitch, 0, 100.0f);
        c.applyOffsetScale(DescriptorId::Pitch, 7.0, 1.0);
        QVERIFY(c.isVoiced(0));
        QVERIFY(!c.isVoiced(1));
    }

    void morphEndsAreTheInputs()
    {
        const auto a = constant(100, -20.0f, 100.0f, 0.9f);
        const auto b = constant(100, -40.0f, 400.0f, 0.1f);
        QCOMPARE(DescriptorCurves::morph(a, b, 0.0), a);
        QCOMPARE(DescriptorCurves::morph(a, b, 1.0), b);
        QCOMPARE(DescriptorCurves::morph(a, b, -3.0), a); // amount clamped
    }

    void morphMixesInPerceptualSpaces()
    {
        const auto a = constant(100, -20.0f, 100.0f, 0.9f);
        const auto b = constant(200, -40.0f, 400.0f, 0.1f);
        const auto m = DescriptorCurves::morph(a, b, 0.5);
        QCOMPARE(m.frameCount(), 150); // durations mixed
        for (int i = 0; i < m.frameCount(); ++i) {
            QVERIFY(near(m.value(DescriptorId::Loudness, i), -30.0)); // dB
            QVERIFY(near(m.value(DescriptorId::Pitch, i), 200.0));    // geometric mean: log frequency
            QVERIFY(near(m.value(DescriptorId::Tonality, i), 0.5));
        }
        const auto quarter = DescriptorCurves::morph(a, b, 0.25);
        QVERIFY(near(quarter.value(DescriptorId::Pitch, 0), 100.0 * std::pow(4.0, 0.25)));
    }

    void morphVoicing_data()
    {
        QTest::addColumn<bool>("aVoiced");
        QTest::addColumn<bool>("bVoiced");
        QTest::addColumn<double>("amount");
        QTest::addColumn<bool>("voiced");
        QTest::addColumn<float>("pitch");
        QTest::addRow("a only, near a") << true << false << 0.3 << true << 100.0f;
        QTest::addRow("a only, near b") << true << false << 0.7 << false << 0.0f;
        QTest::addRow("b only, near b") << false << true << 0.6 << true << 400.0f;
        QTest::addRow("b only, near a") << false << true << 0.4 << false << 0.0f;
        QTest::addRow("neither") << false << false << 0.5 << false << 0.0f;
        QTest::addRow("both") << true << true << 0.5 << true << 200.0f;
    }
    void morphVoicing()
    {
        QFETCH(bool, aVoiced);
        QFETCH(bool, bVoiced);
        QFETCH(double, amount);
        QFETCH(bool, voiced);
        QFETCH(float, pitch);
        const auto a = constant(10, -20.0f, aVoiced ? 100.0f : DescriptorCurves::kUnvoiced, 0.5f);
        const auto b = constant(10, -20.0f, bVoiced ? 400.0f : DescriptorCurves::kUnvoiced, 0.5f);
        const auto m = DescriptorCurves::morph(a, b, amount);
        QCOMPARE(m.isVoiced(5), voiced);
        if (voiced)
            QVERIFY(near(m.value(DescriptorId::Pitch, 5), pitch));
    }

    void morphHoldsPitchThroughOneSidedUnvoicedFrames_data()
    {
        // a: 100 Hz, unvoiced on odd frames (flickering) or from frame 5 on (ending);
        // b: 400 Hz throughout. Frames voiced on a alone never occur here, so the morph
        // is voiced where b weighs at least one half, or where a is voiced.
        QTest::addColumn<bool>("flicker");
        QTest::addColumn<double>("amount");
        QTest::addColumn<bool>("tailVoiced");
        QTest::addColumn<float>("pitch");
        QTest::addRow("flicker at 0.5") << true << 0.5 << true << 200.0f;
        QTest::addRow("flicker at 0.75") << true << 0.75 << true << float(100.0 * std::pow(4.0, 0.75));
        QTest::addRow("flicker at 0.25") << true << 0.25 << false << float(100.0 * std::pow(4.0, 0.25));
        QTest::addRow("a ends, at 0.6") << false << 0.6 << true << float(100.0 * std::pow(4.0, 0.6));
        QTest::addRow("a ends, at 0.4") << false << 0.4 << false << float(100.0 * std::pow(4.0, 0.4));
    }
    void morphHoldsPitchThroughOneSidedUnvoicedFrames()
    {
        QFETCH(bool, flicker);
        QFETCH(double, amount);
        QFETCH(bool, tailVoiced);
        QFETCH(float, pitch);
        auto a = constant(10, -20.0f, 100.0f, 0.5f);
        for (int i = 0; i < 10; ++i) {
            if (flicker ? i % 2 == 1 : i >= 5)
                a.setValue(DescriptorId::Pitch, i, DescriptorCurves::kUnvoiced);
        }
        const auto b = constant(10, -20.0f, 400.0f, 0.5f);
        const auto m = DescriptorCurves::morph(a, b, amount);
        QCOMPARE(m.frameCount(), 10);
        for (int i = 0; i < 10; ++i) {
            const bool bothVoiced = a.isVoiced(i);
            QCOMPARE(m.isVoiced(i), bothVoiced || tailVoiced);
            // One pitch on every voiced frame: no jump to b's own 400 Hz.
            if (m.isVoiced(i))
                QVERIFY2(near(m.value(DescriptorId::Pitch, i), pitch), qPrintable(QString::number(i)));
        }
    }

    void equalityTreatsUnvoicedAsEqual()
    {
        DescriptorCurves a(4);
        DescriptorCurves b(4);
        QCOMPARE(a, b);
        b.setValue(DescriptorId::Pitch, 2, 100.0f);
        QVERIFY(!(a == b));
        QVERIFY(!(DescriptorCurves(3) == DescriptorCurves(4)));
    }
};

QTEST_GUILESS_MAIN(tst_DescriptorCurves)
#include "tst_descriptorcurves.moc"
