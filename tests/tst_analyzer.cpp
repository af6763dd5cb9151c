// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor analyzer on analytic signals with known answers, in memory and
// through real files written by sox: sines, noise, levels, K-weighting, transients,
// decays, silence, DC, clipping, very short clips, and the file formats people have.
#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "model/framegrid.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <random>

using namespace neurorack;

namespace {

constexpr double kRate = grid::kSampleRate;

std::vector<float> sine(double hz, double dbfs, double seconds, double decayDbPerSecond = 0.0)
{
    std::vector<float> x(static_cast<std::size_t>(seconds * kRate));
    const double amplitude = std::pow(10.0, dbfs / 20.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = double(i) / kRate;
        x[i] = static_cast<float>(amplitude * std::pow(10.0, -decayDbPerSecond * t / 20.0) * std::sin(2.0 * std::numbers::pi * hz * t));
    }
    return x;
}

std::vector<float> noise(double rms, double seconds, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, static_cast<float>(rms));
    std::vector<float> x(static_cast<std::size_t>(seconds * kRate));
    for (float &v : x)
        v = g(rng);
    return x;
}

/// Mean of a descriptor over frames [from, to), ignoring unvoiced frames.
double mean(const DescriptorCurves &c, DescriptorId id, int from = 0, int to = -1)
{
    if (to < 0)
        to = c.frameCount();
    double sum = 0.0;
    int n = 0;
    for (int i = from; i < to; ++i) {
        const float v = c.value(id, i);
        if (!std::isnan(v)) {
            sum += v;
            ++n;
        }
    }
    return n ? sum / n : std::nan("");
}

double voicedFraction(const DescriptorCurves &c, int from, int to)
{
    int n = 0;
    for (int i = from; i < to; ++i)
        n += c.isVoiced(i) ? 1 : 0;
    return double(n) / (to - from);
}

/// The BS.1770 K-weighting response at 48 kHz in dB, from the standard's published
/// coefficients: an independent check of libebur128's filter.
double kWeightingDb(double hz)
{
    const std::complex<double> z = std::polar(1.0, -2.0 * std::numbers::pi * hz / kRate);
    auto biquad = [&](std::array<double, 3> b, std::array<double, 3> a) {
        return (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z);
    };
    const auto shelf = biquad({1.53512485958697, -2.69169618940638, 1.19839281085285}, {1.0, -1.69065929318241, 0.73248077421585});
    const auto highpass = biquad({1.0, -2.0, 1.0}, {1.0, -1.99004745483398, 0.99007225036621});
    return 20.0 * std::log10(std::abs(shelf * highpass));
}

void verifyFinite(const DescriptorCurves &c)
{
    for (const auto id : kAllDescriptors) {
        for (int i = 0; i < c.frameCount(); ++i) {
            const float v = c.value(id, i);
            if (id == DescriptorId::Pitch && std::isnan(v))
                continue;
            QVERIFY2(std::isfinite(v), qPrintable(QStringLiteral("%1[%2]").arg(descriptor(id).keyString()).arg(i)));
            QVERIFY2(descriptor(id).contains(v), qPrintable(QStringLiteral("%1[%2] = %3").arg(descriptor(id).keyString()).arg(i).arg(v)));
        }
    }
}

} // namespace

class tst_Analyzer : public QObject
{
    Q_OBJECT

    DescriptorAnalyzer m_analyzer;
    QTemporaryDir m_dir;

    DescriptorCurves analyzeFile(const QString &path)
    {
        const auto clip = AudioFile::read(path);
        if (!clip)
            qFatal("%s", qPrintable(clip.errorString()));
        return m_analyzer.analyze(clip->samples);
    }

    QString sox(const QString &name, const QStringList &format, const QStringList &effects)
    {
        const QString path = test::soxGenerate(m_dir.path(), name, format, effects);
        if (path.isEmpty())
            qFatal("sox could not make %s", qPrintable(name));
        return path;
    }

private Q_SLOTS:
    void frameGrid()
    {
        QCOMPARE(DescriptorAnalyzer::frameCountFor(48000), 200);
        QCOMPARE(DescriptorAnalyzer::frameCountFor(0), 1);
        QCOMPARE(DescriptorAnalyzer::frameCountFor(100), 1);
        QCOMPARE(DescriptorAnalyzer::frameCountFor(360), 2);
        QCOMPARE(m_analyzer.analyze(sine(440, -20, 0.6)).frameCount(), 120);
    }

    void sines_data()
    {
        QTest::addColumn<double>("hz");
        QTest::addColumn<double>("dbfs");
        for (const double hz : {45.0, 110.0, 440.0, 1000.0, 2500.0, 5000.0}) {
            for (const double db : {-6.0, -30.0})
                QTest::addRow("%g Hz at %g dBFS", hz, db) << hz << db;
        }
    }
    void sines()
    {
        QFETCH(double, hz);
        QFETCH(double, dbfs);
        const auto c = m_analyzer.analyze(sine(hz, dbfs, 1.0));
        verifyFinite(c);
        const int from = 20, to = 180; // away from the edges
        QVERIFY2(voicedFraction(c, from, to) == 1.0, qPrintable(QString::number(voicedFraction(c, from, to))));
        const double pitch = mean(c, DescriptorId::Pitch, from, to);
        QVERIFY2(std::abs(pitch / hz - 1.0) < 0.01, qPrintable(QStringLiteral("pitch %1 Hz").arg(pitch)));
        QVERIFY2(mean(c, DescriptorId::Tonality, from, to) > 0.9, qPrintable(QString::number(mean(c, DescriptorId::Tonality, from, to))));
        QVERIFY2(mean(c, DescriptorId::Noisiness, from, to) < 0.1, qPrintable(QString::number(mean(c, DescriptorId::Noisiness, from, to))));
        QVERIFY(mean(c, DescriptorId::Percussivity, from, to) < 0.1);
        // The centroid sits on the frequency; a 1024-point window smears the lowest notes.
        const double brightness = mean(c, DescriptorId::Brightness, from, to);
        QVERIFY2(std::abs(brightness - hz) < std::max(0.02 * hz, 30.0), qPrintable(QStringLiteral("centroid %1 Hz").arg(brightness)));
        QVERIFY2(mean(c, DescriptorId::Richness, from, to) < std::max(0.1 * hz, 120.0), qPrintable(QString::number(mean(c, DescriptorId::Richness, from, to))));
        // A sine's loudness: −0.691 + 10 log10(A²/2) + K-weighting gain (BS.1770).
        const double expected = -0.691 + dbfs - 3.0103 + kWeightingDb(hz);
        const double loudness = mean(c, DescriptorId::Loudness, from, to);
        QVERIFY2(std::abs(loudness - expected) < 0.15 + (hz < 60 ? 0.5 : 0.0),
                 qPrintable(QStringLiteral("%1 LUFS, expected %2").arg(loudness).arg(expected)));
    }

    void kWeightingAtLowAndHighFrequencies()
    {
        // The same level reads quieter in the bass and louder in the treble, as BS.1770 says.
        const double at1k = mean(m_analyzer.analyze(sine(1000, -20, 1.0)), DescriptorId::Loudness, 20, 180);
        QVERIFY(std::abs(at1k - (-23.01)) < 0.1); // the standard's reference: 1 kHz at −20 dBFS is −23.0 LUFS
        for (const double hz : {40.0, 100.0, 4000.0, 10000.0, 16000.0}) {
            const double l = mean(m_analyzer.analyze(sine(hz, -20, 1.0)), DescriptorId::Loudness, 20, 180);
            const double expected = kWeightingDb(hz) - kWeightingDb(1000.0);
            QVERIFY2(std::abs((l - at1k) - expected) < 0.15 + (hz < 60 ? 0.5 : 0.0),
                     qPrintable(QStringLiteral("%1 Hz: %2 dB against 1 kHz, expected %3").arg(hz).arg(l - at1k).arg(expected)));
        }
        QVERIFY(kWeightingDb(10000.0) - kWeightingDb(1000.0) > 3.0);
        QVERIFY(kWeightingDb(40.0) - kWeightingDb(1000.0) < -1.0);
    }

    void levelsTenDecibelsApart()
    {
        const double loud = mean(m_analyzer.analyze(sine(440, -10, 1.0)), DescriptorId::Loudness, 20, 180);
        const double quiet = mean(m_analyzer.analyze(sine(440, -20, 1.0)), DescriptorId::Loudness, 20, 180);
        QVERIFY2(std::abs(loud - quiet - 10.0) < 0.05, qPrintable(QString::number(loud - quiet)));
        const double noiseLoud = mean(m_analyzer.analyze(noise(0.1, 1.0)), DescriptorId::Loudness, 20, 180);
        const double noiseQuiet = mean(m_analyzer.analyze(noise(0.1 / std::sqrt(10.0), 1.0)), DescriptorId::Loudness, 20, 180);
        QVERIFY2(std::abs(noiseLoud - noiseQuiet - 10.0) < 0.05, qPrintable(QString::number(noiseLoud - noiseQuiet)));
    }

    void whiteNoise()
    {
        const auto c = m_analyzer.analyze(noise(0.1, 2.0));
        verifyFinite(c);
        QVERIFY2(mean(c, DescriptorId::Noisiness, 20, 380) > 0.9, qPrintable(QString::number(mean(c, DescriptorId::Noisiness, 20, 380))));
        QVERIFY2(mean(c, DescriptorId::Tonality, 20, 380) < 0.3, qPrintable(QString::number(mean(c, DescriptorId::Tonality, 20, 380))));
        QVERIFY(voicedFraction(c, 20, 380) < 0.05);
        // A flat spectrum from 0 to 24 kHz: centroid at 12 kHz, spread 24 kHz / √12.
        QVERIFY2(std::abs(mean(c, DescriptorId::Brightness, 20, 380) - 12000.0) < 400.0,
                 qPrintable(QString::number(mean(c, DescriptorId::Brightness, 20, 380))));
        QVERIFY2(std::abs(mean(c, DescriptorId::Richness, 20, 380) - 24000.0 / std::sqrt(12.0)) < 400.0,
                 qPrintable(QString::number(mean(c, DescriptorId::Richness, 20, 380))));
        const double p = mean(c, DescriptorId::Percussivity, 20, 380);
        QVERIFY2(p > 0.2 && p < 0.8, qPrintable(QString::number(p))); // steady in time and across bands: both
    }

    void bandLimitedNoiseFromSox()
    {
        const QString path = sox(QStringLiteral("band.wav"), {QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-b"), QStringLiteral("24")},
                                 {QStringLiteral("synth"), QStringLiteral("2"), QStringLiteral("whitenoise"), QStringLiteral("sinc"),
                                  QStringLiteral("-n"), QStringLiteral("4096"), QStringLiteral("2000-5000"), QStringLiteral("vol"), QStringLiteral("0.5")});
        const auto c = analyzeFile(path);
        verifyFinite(c);
        QVERIFY2(mean(c, DescriptorId::Noisiness, 20, 380) > 0.8, qPrintable(QString::number(mean(c, DescriptorId::Noisiness, 20, 380))));
        QVERIFY(mean(c, DescriptorId::Tonality, 20, 380) < 0.5);
        // A flat band from 2 to 5 kHz: centroid at 3.5 kHz, spread 3 kHz / √12.
        QVERIFY2(std::abs(mean(c, DescriptorId::Brightness, 20, 380) - 3500.0) < 150.0,
                 qPrintable(QString::number(mean(c, DescriptorId::Brightness, 20, 380))));
        QVERIFY2(std::abs(mean(c, DescriptorId::Richness, 20, 380) - 3000.0 / std::sqrt(12.0)) < 120.0,
                 qPrintable(QString::number(mean(c, DescriptorId::Richness, 20, 380))));
    }

    void impulsesArePercussiveHeldTonesAreNot()
    {
        std::vector<float> clicks(static_cast<std::size_t>(kRate));
        for (std::size_t i = 2400; i < clicks.size(); i += 4800)
            clicks[i] = 0.9f; // a click every 100 ms
        const auto c = m_analyzer.analyze(clicks);
        verifyFinite(c);
        double sum = 0.0;
        int n = 0;
        for (int i = 0; i < c.frameCount(); ++i) {
            if (c.value(DescriptorId::Loudness, i) > -50.0f) {
                sum += c.value(DescriptorId::Percussivity, i);
                ++n;
            }
        }
        QVERIFY(n > 10);
        QVERIFY2(sum / n > 0.7, qPrintable(QString::number(sum / n)));
        QVERIFY(mean(m_analyzer.analyze(sine(440, -10, 1.0)), DescriptorId::Percussivity, 20, 180) < 0.05);
    }

    void decayingToneLosesLoudnessAtItsRate()
    {
        const double rate = 30.0; // dB per second
        const auto c = m_analyzer.analyze(sine(440, -6, 1.5, rate));
        // Least-squares slope of loudness over 0.2 … 1.2 s.
        double st = 0, sl = 0, stt = 0, stl = 0;
        int n = 0;
        for (int i = 40; i < 240; ++i) {
            const double t = grid::durationOfFrames(i);
            const double l = c.value(DescriptorId::Loudness, i);
            st += t;
            sl += l;
            stt += t * t;
            stl += t * l;
            ++n;
        }
        const double slope = (n * stl - st * sl) / (n * stt - st * st);
        QVERIFY2(std::abs(slope + rate) < 0.5, qPrintable(QStringLiteral("%1 dB/s").arg(slope)));
        QCOMPARE(voicedFraction(c, 10, 280), 1.0);
    }

    void silence()
    {
        const auto c = m_analyzer.analyze(std::vector<float>(48000, 0.0f));
        verifyFinite(c);
        for (int i = 0; i < c.frameCount(); ++i) {
            QCOMPARE(c.value(DescriptorId::Loudness, i), -70.0f);
            QCOMPARE(c.value(DescriptorId::Brightness, i), 0.0f);
            QCOMPARE(c.value(DescriptorId::Tonality, i), 0.0f);
            QCOMPARE(c.value(DescriptorId::Percussivity, i), 0.0f);
            QVERIFY(!c.isVoiced(i));
        }
    }

    void dcOffsetIsNotHeard()
    {
        const auto c = m_analyzer.analyze(std::vector<float>(48000, 0.5f));
        verifyFinite(c);
        // The K-weighting's high-pass removes DC: after its onset thump has passed, silence.
        QVERIFY2(c.value(DescriptorId::Loudness, 100) < -60.0f, qPrintable(QString::number(c.value(DescriptorId::Loudness, 100))));
        QCOMPARE(voicedFraction(c, 0, c.frameCount()), 0.0);
        // A sine riding on DC measures as the sine.
        auto x = sine(440, -20, 1.0);
        for (float &v : x)
            v += 0.3f;
        const auto withDc = m_analyzer.analyze(x);
        QVERIFY(std::abs(mean(withDc, DescriptorId::Pitch, 20, 180) / 440.0 - 1.0) < 0.01);
        QVERIFY(std::abs(mean(withDc, DescriptorId::Brightness, 20, 180) - 440.0) < 15.0);
    }

    void clipping()
    {
        auto x = sine(220, 12, 1.0); // four times full scale, then clipped
        for (float &v : x)
            v = std::clamp(v, -1.0f, 1.0f);
        const auto c = m_analyzer.analyze(x);
        verifyFinite(c);
        QVERIFY(std::abs(mean(c, DescriptorId::Pitch, 20, 180) / 220.0 - 1.0) < 0.01);
        // Clipping adds odd harmonics: brighter and richer than the clean sine.
        const auto clean = m_analyzer.analyze(sine(220, -1, 1.0));
        QVERIFY(mean(c, DescriptorId::Brightness, 20, 180) > 1.5 * mean(clean, DescriptorId::Brightness, 20, 180));
        QVERIFY(mean(c, DescriptorId::Richness, 20, 180) > 2.0 * mean(clean, DescriptorId::Richness, 20, 180));
    }

    void veryShortClips_data()
    {
        QTest::addColumn<int>("samples");
        QTest::addRow("empty") << 0;
        QTest::addRow("one sample") << 1;
        QTest::addRow("shorter than a frame") << 100;
        QTest::addRow("shorter than a window") << 700;
        QTest::addRow("a few frames") << 1500;
    }
    void veryShortClips()
    {
        QFETCH(int, samples);
        auto x = sine(440, -10, 1.0);
        x.resize(std::size_t(samples));
        const auto c = m_analyzer.analyze(x);
        QCOMPARE(c.frameCount(), DescriptorAnalyzer::frameCountFor(std::size_t(samples)));
        verifyFinite(c);
    }

    void nonFiniteAndHugeInputStayFinite()
    {
        auto x = sine(440, -10, 1.0);
        x[1000] = std::numeric_limits<float>::quiet_NaN();
        x[2000] = std::numeric_limits<float>::infinity();
        x[3000] = 1.0e30f;
        const auto c = m_analyzer.analyze(x);
        verifyFinite(c);
        // One bad sample does not poison the rest: the tone is still measured.
        QVERIFY(std::abs(mean(c, DescriptorId::Pitch, 100, 180) / 440.0 - 1.0) < 0.01);
        QVERIFY(mean(c, DescriptorId::Loudness, 100, 180) > -20.0);
    }

    void onsetsArePercussive()
    {
        // A narrowband impact (a decaying low tone, no broadband click): its onset is new
        // energy, so it reads as transient; its ringing tail does not.
        const auto c = m_analyzer.analyze(sine(60, -6, 1.0, 40.0));
        QVERIFY2(c.value(DescriptorId::Percussivity, 1) > 0.5f, qPrintable(QString::number(c.value(DescriptorId::Percussivity, 1))));
        QVERIFY(mean(c, DescriptorId::Percussivity, 40, 180) < 0.05);
    }

    void deterministic()
    {
        const auto x = noise(0.2, 0.5, 99);
        DescriptorAnalyzer other;
        QCOMPARE(m_analyzer.analyze(x), m_analyzer.analyze(x));
        QCOMPARE(other.analyze(x), m_analyzer.analyze(x));
    }

    void realFilesMatchMemory_data()
    {
        QTest::addColumn<QStringList>("format");
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("loudnessOffset"); // dB against the in-memory mono 48 kHz sine
        QTest::addColumn<bool>("quiet"); // false for 8-bit: its quantisation noise (−40 dB here) is heard
        const QString r = QStringLiteral("-r"), b = QStringLiteral("-b"), ch = QStringLiteral("-c");
        QTest::addRow("WAV 24-bit mono 48 kHz") << QStringList{r, QStringLiteral("48000"), b, QStringLiteral("24")} << QStringLiteral("a.wav") << 0.0 << true;
        QTest::addRow("WAV 16-bit stereo 44.1 kHz") << QStringList{r, QStringLiteral("44100"), b, QStringLiteral("16"), ch, QStringLiteral("2")}
                                                    << QStringLiteral("b.wav") << 0.0 << true;
        QTest::addRow("WAV 8-bit mono 22.05 kHz") << QStringList{r, QStringLiteral("22050"), b, QStringLiteral("8")} << QStringLiteral("c.wav") << 0.0 << false;
        QTest::addRow("FLAC 24-bit 96 kHz") << QStringList{r, QStringLiteral("96000"), b, QStringLiteral("24")} << QStringLiteral("d.flac") << 0.0 << true;
        QTest::addRow("AIFF 16-bit stereo 96 kHz") << QStringList{r, QStringLiteral("96000"), b, QStringLiteral("16"), ch, QStringLiteral("2")}
                                                   << QStringLiteral("e.aiff") << 0.0 << true;
        QTest::addRow("OGG Vorbis 48 kHz") << QStringList{r, QStringLiteral("48000")} << QStringLiteral("f.ogg") << 0.0 << true;
        QTest::addRow("float WAV 32 kHz") << QStringList{r, QStringLiteral("32000"), QStringLiteral("-e"), QStringLiteral("floating-point"), b, QStringLiteral("32")}
                                          << QStringLiteral("g.wav") << 0.0 << true;
    }
    void realFilesMatchMemory()
    {
        QFETCH(QStringList, format);
        QFETCH(QString, name);
        QFETCH(double, loudnessOffset);
        QFETCH(bool, quiet);
        // 660 Hz at −12 dBFS (sox's "vol 0.25"), in every channel.
        const QString path = sox(name, format, {QStringLiteral("synth"), QStringLiteral("1"), QStringLiteral("sine"),
                                                QStringLiteral("660"), QStringLiteral("vol"), QStringLiteral("0.25")});
        const auto file = analyzeFile(path);
        const auto memory = m_analyzer.analyze(sine(660, 20 * std::log10(0.25), 1.0));
        verifyFinite(file);
        QCOMPARE(file.frameCount(), memory.frameCount());
        QVERIFY(std::abs(mean(file, DescriptorId::Pitch, 20, 180) / 660.0 - 1.0) < 0.01);
        const double dl = mean(file, DescriptorId::Loudness, 20, 180) - mean(memory, DescriptorId::Loudness, 20, 180);
        QVERIFY2(std::abs(dl - loudnessOffset) < 0.2, qPrintable(QStringLiteral("%1 dB").arg(dl)));
        QVERIFY(mean(file, DescriptorId::Tonality, 20, 180) > 0.9);
        // A magnitude-weighted centroid hears a broadband noise floor: 8-bit audio is brighter.
        const double brightness = mean(file, DescriptorId::Brightness, 20, 180);
        if (quiet)
            QVERIFY2(std::abs(brightness - 660.0) < 20.0, qPrintable(QString::number(brightness)));
        else
            QVERIFY2(brightness > 700.0, qPrintable(QString::number(brightness)));
    }

    void stereoWithOneSilentChannel()
    {
        // Channels are averaged: one silent channel halves the amplitude (−6.02 dB) and
        // changes nothing else.
        const QString path = sox(QStringLiteral("half.wav"), {QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-b"), QStringLiteral("24"),
                                                              QStringLiteral("-c"), QStringLiteral("2")},
                                 {QStringLiteral("synth"), QStringLiteral("1"), QStringLiteral("sine"), QStringLiteral("330"),
                                  QStringLiteral("vol"), QStringLiteral("0.5"), QStringLiteral("remix"), QStringLiteral("1"), QStringLiteral("0")});
        const auto clip = AudioFile::read(path);
        QVERIFY2(clip.ok(), qPrintable(clip.errorString()));
        QCOMPARE(clip->sourceChannels, 2);
        const auto c = m_analyzer.analyze(clip->samples);
        const auto reference = m_analyzer.analyze(sine(330, 20 * std::log10(0.5), 1.0));
        const double dl = mean(c, DescriptorId::Loudness, 20, 180) - mean(reference, DescriptorId::Loudness, 20, 180);
        QVERIFY2(std::abs(dl + 6.02) < 0.1, qPrintable(QString::number(dl)));
        QVERIFY(std::abs(mean(c, DescriptorId::Pitch, 20, 180) / 330.0 - 1.0) < 0.01);
    }
};

QTEST_GUILESS_MAIN(tst_Analyzer)
#include "tst_analyzer.moc"
