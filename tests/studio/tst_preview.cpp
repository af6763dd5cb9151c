// SPDX-License-Identifier: GPL-3.0-or-later
// Studio's preview panel: the waveform's min/max columns, the spectrogram of a tone,
// the generator's exact samples (every output format, loop, swap), the player on its
// virtual clock (position, end, loop, levels, new audio mid-play), the level meter's
// ballistics, the panel's title and transport, and a screenshot.
#include "audiogenerator.h"
#include "audioplayer.h"
#include "levelmeter.h"
#include "previewpanel.h"
#include "spectrogramview.h"
#include "waveformview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <cstring>
#include <numbers>
#include <random>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

constexpr int kRate = 48000;
/// How long to wait for the player to get somewhere: its clock is real time, but its
/// reports come on a timer, late on a busy machine.
constexpr int kTimeoutMs = 5000;

QList<float> sine(double hz, double seconds, double amplitude)
{
    QList<float> x(qsizetype(std::lround(seconds * kRate)));
    for (qsizetype i = 0; i < x.size(); ++i)
        x[i] = static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * hz * double(i) / kRate));
    return x;
}

/// An impact-like test sound: a falling sine with a noise burst on the attack.
QList<float> impact(double seconds)
{
    QList<float> x(qsizetype(std::lround(seconds * kRate)));
    std::mt19937 random(7);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    double phase = 0.0;
    for (qsizetype i = 0; i < x.size(); ++i) {
        const double t = double(i) / kRate;
        phase += 2.0 * std::numbers::pi * (55.0 + 180.0 * std::exp(-t * 30.0)) / kRate;
        const double body = 0.7 * std::exp(-t * 4.0) * std::sin(phase);
        const double click = 0.2 * std::exp(-t * 60.0) * noise(random);
        x[i] = static_cast<float>(body + click);
    }
    return x;
}

QList<float> ramp(int n)
{
    QList<float> x(n);
    for (int i = 0; i < n; ++i)
        x[i] = static_cast<float>(i) / n;
    return x;
}

/// Every sample as the generator serves it, read in awkward chunk sizes.
QByteArray readAll(AudioGenerator &generator, qint64 chunk)
{
    QByteArray out;
    QByteArray buffer(chunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = generator.read(buffer.data(), chunk);
        if (n <= 0)
            break;
        out.append(buffer.constData(), n);
    }
    return out;
}

QAudioFormat formatOf(QAudioFormat::SampleFormat sampleFormat, int channels)
{
    QAudioFormat format = AudioGenerator::monoFloatFormat();
    format.setSampleFormat(sampleFormat);
    format.setChannelCount(channels);
    return format;
}

/// The mono value of frame @p frame, channel @p channel of @p bytes in @p format.
float sampleAt(const QByteArray &bytes, const QAudioFormat &format, qint64 frame, int channel)
{
    const qint64 offset = frame * format.bytesPerFrame() + channel * format.bytesPerSample();
    if (format.sampleFormat() == QAudioFormat::Float) {
        float value;
        std::memcpy(&value, bytes.constData() + offset, sizeof value);
        return value;
    }
    qint16 value;
    std::memcpy(&value, bytes.constData() + offset, sizeof value);
    return value / 32767.0f;
}

} // namespace

class tst_Preview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- Waveform -----------------------------------------------------------------

    void waveformColumns_data()
    {
        QTest::addColumn<QList<float>>("samples");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QList<float>>("expected"); // min, max, min, max, …

        QTest::addRow("square, 4 columns") << QList<float>{1, -1, 1, -1, 0.5f, 0.5f, -0.25f, 0.75f} << 4
                                           << QList<float>{-1, 1, -1, 1, 0.5f, 0.5f, -0.25f, 0.75f};
        QTest::addRow("ramp, 2 columns") << ramp(10) << 2 << QList<float>{0.0f, 0.4f, 0.5f, 0.9f};
        QTest::addRow("uneven slices") << QList<float>{3, 1, 2, -5, 4} << 2 << QList<float>{1, 3, -5, 4};
        QTest::addRow("fewer samples than columns") << QList<float>{0.1f, -0.2f} << 4
                                                    << QList<float>{0.1f, 0.1f, 0.1f, 0.1f, -0.2f, -0.2f, -0.2f, -0.2f};
        QTest::addRow("no samples") << QList<float>{} << 4 << QList<float>{};
    }
    void waveformColumns()
    {
        QFETCH(QList<float>, samples);
        QFETCH(int, columns);
        QFETCH(QList<float>, expected);
        const auto ranges = WaveformView::columnRanges(std::span(samples.constData(), std::size_t(samples.size())), columns);
        QCOMPARE(ranges.size() * 2, expected.size());
        for (qsizetype c = 0; c < ranges.size(); ++c) {
            QCOMPARE(ranges[c].min, expected[2 * c]);
            QCOMPARE(ranges[c].max, expected[2 * c + 1]);
        }
    }

    void waveformViewFollowsItsWidth()
    {
        WaveformView view;
        view.resize(500, 200);
        // One second: 0.5 for the first half, -0.25 for the second.
        QList<float> samples(kRate, 0.5f);
        std::fill(samples.begin() + kRate / 2, samples.end(), -0.25f);
        view.setAudio(samples);
        QCOMPARE(view.columns().size(), view.plotRect().width());
        const int half = view.plotRect().width() / 2;
        QCOMPARE(view.columns().first(), (WaveformView::ColumnRange{0.5f, 0.5f}));
        QCOMPARE(view.columns().last(), (WaveformView::ColumnRange{-0.25f, -0.25f}));
        QCOMPARE(view.columns().at(half - 1).max, 0.5f);
        QCOMPARE(view.columns().at(half).min, -0.25f);
        QCOMPARE(view.durationSeconds(), 1.0);

        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resize(300, 200);
        QTRY_COMPARE(view.columns().size(), view.plotRect().width());

        // The picture: the wave colour at +0.5 in the first half, at -0.25 in the second,
        // not near the bottom, and the playhead where it is asked for.
        view.setPlayhead(0.25);
        const QImage image = view.grab().toImage();
        const QRect plot = view.plotRect();
        const QColor wave(0x4f, 0xc3, 0xf7);
        auto yOf = [&](double a) { return plot.top() + int(std::lround((1.0 - a) / 2.0 * (plot.height() - 1))); };
        QCOMPARE(image.pixelColor(plot.left() + 20, yOf(0.5)), wave);
        QCOMPARE(image.pixelColor(plot.right() - 20, yOf(-0.25)), wave);
        QVERIFY(image.pixelColor(plot.left() + 20, yOf(0.5) + 3) != wave);
        QVERIFY(image.pixelColor(plot.right() - 20, plot.bottom() - 2) != wave);
        const int playheadX = plot.left() + int(std::lround(0.25 * (plot.width() - 1)));
        const QColor playhead(0xff, 0xd5, 0x4f);
        QVERIFY(image.pixelColor(playheadX, plot.bottom() - 3) == playhead || image.pixelColor(playheadX - 1, plot.bottom() - 3) == playhead);
        QVERIFY(image.pixelColor(playheadX + 30, plot.bottom() - 3) != playhead);
    }

    // --- Spectrogram --------------------------------------------------------------

    void spectrogramShowsTheTone_data()
    {
        QTest::addColumn<double>("hz");
        QTest::addRow("110 Hz") << 110.0;
        QTest::addRow("1 kHz") << 1000.0;
        QTest::addRow("6 kHz") << 6000.0;
    }
    void spectrogramShowsTheTone()
    {
        QFETCH(double, hz);
        SpectrogramView view;
        view.resize(600, 300);
        QSignalSpy ready(&view, &SpectrogramView::spectrogramReady);
        view.setAudio(sine(hz, 1.0, 0.5));
        QVERIFY(view.isComputing());
        QVERIFY(ready.wait(5000));
        QVERIFY(!view.isComputing());

        const Spectrogram &s = view.spectrogram();
        QVERIFY(s.columns > 100);
        QCOMPARE(s.rows, 300);
        QVERIFY(std::abs(s.duration - 1.0) < 1e-9);
        // The loudest row of a middle column is the tone's, within a row or an FFT bin.
        const int column = s.columns / 2;
        int loudest = 0;
        for (int r = 1; r < s.rows; ++r) {
            if (s.at(column, r) > s.at(column, loudest))
                loudest = r;
        }
        const double shown = s.frequencyOfRow(loudest);
        const double tolerance = std::max(std::abs(s.frequencyOfRow(loudest + 1) - shown), 24.0);
        QVERIFY2(std::abs(shown - hz) <= tolerance, qPrintable(QStringLiteral("row %1 shows %2 Hz").arg(loudest).arg(shown)));
        // Far from the tone, the column is at least 60 dB down.
        const int farRow = hz < 2000.0 ? s.rows - 5 : 5;
        QVERIFY(s.at(column, farRow) < -60.0f);

        // The picture is the widget's size and not a blank.
        const QImage image = view.image();
        QCOMPARE(image.size(), QSize(600, 300));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

    void spectrogramKeepsOnlyTheLatest()
    {
        SpectrogramView view;
        view.resize(400, 240);
        QSignalSpy ready(&view, &SpectrogramView::spectrogramReady);
        view.setAudio(sine(200.0, 2.0, 0.5));
        view.setAudio(sine(3000.0, 0.5, 0.5));
        QVERIFY(ready.wait(5000));
        QTest::qWait(50);
        QCOMPARE(ready.size(), 1); // only the latest is announced
        QVERIFY(std::abs(view.spectrogram().duration - 0.5) < 1e-9);
    }

    // --- Generator ----------------------------------------------------------------

    void generatorServesTheExactSamples_data()
    {
        QTest::addColumn<int>("sampleFormat");
        QTest::addColumn<int>("channels");
        QTest::addColumn<qint64>("chunk");
        QTest::addRow("float mono") << int(QAudioFormat::Float) << 1 << qint64(4000);
        QTest::addRow("float mono, odd chunks") << int(QAudioFormat::Float) << 1 << qint64(1001);
        QTest::addRow("float stereo") << int(QAudioFormat::Float) << 2 << qint64(4096);
        QTest::addRow("int16 mono") << int(QAudioFormat::Int16) << 1 << qint64(777);
        QTest::addRow("int16 stereo") << int(QAudioFormat::Int16) << 2 << qint64(4096);
    }
    void generatorServesTheExactSamples()
    {
        QFETCH(int, sampleFormat);
        QFETCH(int, channels);
        QFETCH(qint64, chunk);
        const QAudioFormat format = formatOf(QAudioFormat::SampleFormat(sampleFormat), channels);
        const QList<float> audio = impact(0.25);

        AudioGenerator generator;
        QVERIFY(generator.setFormat(format));
        QVERIFY(generator.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        generator.setAudio(audio);
        QCOMPARE(generator.bytesAvailable(), audio.size() * format.bytesPerFrame());
        const QByteArray bytes = readAll(generator, chunk);
        QCOMPARE(bytes.size(), audio.size() * format.bytesPerFrame());
        QVERIFY(generator.isFinished());
        QCOMPARE(generator.bytesAvailable(), 0);
        QCOMPARE(generator.framePosition(), audio.size());

        const bool isFloat = format.sampleFormat() == QAudioFormat::Float;
        for (qsizetype f = 0; f < audio.size(); ++f) {
            for (int c = 0; c < channels; ++c) {
                const float got = sampleAt(bytes, format, f, c);
                const float want = isFloat ? audio[f] : std::lround(std::clamp(audio[f], -1.0f, 1.0f) * 32767.0f) / 32767.0f;
                if (got != want)
                    QFAIL(qPrintable(QStringLiteral("frame %1 channel %2: %3 instead of %4").arg(f).arg(c).arg(got).arg(want)));
            }
        }
        if (isFloat && channels == 1)
            QVERIFY(std::memcmp(bytes.constData(), audio.constData(), std::size_t(bytes.size())) == 0);

        // Rewound, it serves the same again.
        generator.rewind();
        QCOMPARE(readAll(generator, chunk), bytes);
    }

    void generatorRefusesFormatsItCannotMake()
    {
        AudioGenerator generator;
        QAudioFormat wrongRate = AudioGenerator::monoFloatFormat();
        wrongRate.setSampleRate(44100);
        QVERIFY(!generator.setFormat(wrongRate));
        QVERIFY(!generator.setFormat(formatOf(QAudioFormat::Int32, 1)));
        QCOMPARE(generator.format(), AudioGenerator::monoFloatFormat());
    }

    void generatorLoopWraps()
    {
        AudioGenerator generator;
        generator.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        const QList<float> audio = ramp(1000);
        generator.setAudio(audio);
        generator.setLooping(true);
        QList<float> out(2500);
        QCOMPARE(generator.read(reinterpret_cast<char *>(out.data()), 2500 * 4), qint64(2500 * 4));
        for (int i = 0; i < 2500; ++i)
            QCOMPARE(out[i], audio[i % 1000]);
        QCOMPARE(generator.framePosition(), 500);
        QVERIFY(!generator.isFinished());
        // Looping off: it plays to the end of this pass and stops.
        generator.setLooping(false);
        QCOMPARE(generator.read(reinterpret_cast<char *>(out.data()), 2500 * 4), qint64(500 * 4));
        QCOMPARE(out[499], audio[999]);
        QVERIFY(generator.isFinished());
        QCOMPARE(generator.read(reinterpret_cast<char *>(out.data()), 4), qint64(0));
    }

    void generatorSwapFadesThenStartsTheNewAudio()
    {
        AudioGenerator generator;
        generator.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        generator.setAudio(QList<float>(10000, 0.8f));
        QList<float> out(3000);
        generator.read(reinterpret_cast<char *>(out.data()), 1000 * 4);
        const QList<float> next = impact(0.05);
        generator.setAudio(next, true);
        QCOMPARE(generator.framePosition(), 0);
        const int fade = AudioGenerator::kSwapFadeFrames;
        QCOMPARE(generator.read(reinterpret_cast<char *>(out.data()), qint64(fade + 2000) * 4), qint64(fade + 2000) * 4);
        // The old audio falls to silence, strictly decreasing.
        QVERIFY(out[0] < 0.8f && out[0] > 0.75f);
        for (int i = 1; i < fade; ++i)
            QVERIFY(out[i] < out[i - 1]);
        QVERIFY(out[fade - 1] < 0.01f);
        // Then the new audio, exactly, from its first sample.
        for (int i = 0; i < 2000; ++i)
            QCOMPARE(out[fade + i], next[i]);

        // Set while nothing was being read: no fade at all.
        AudioGenerator fresh;
        fresh.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        fresh.setAudio(next, true);
        QCOMPARE(fresh.read(reinterpret_cast<char *>(out.data()), 4), qint64(4));
        QCOMPARE(out[0], next[0]);
    }

    void generatorLevels()
    {
        AudioGenerator generator;
        generator.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        generator.setAudio(sine(1000.0, 0.1, 0.5));
        QList<float> out(4800);
        generator.read(reinterpret_cast<char *>(out.data()), 4800 * 4);
        const AudioGenerator::Levels levels = generator.takeLevels();
        QCOMPARE(levels.frames, 4800);
        QVERIFY(std::abs(levels.peak - 0.5f) < 1e-6f);
        QVERIFY(std::abs(std::sqrt(levels.sumSquares / 4800) - 0.5 / std::sqrt(2.0)) < 1e-4);
        QCOMPARE(generator.takeLevels().frames, 0);
    }

    // --- Player -------------------------------------------------------------------

    void playerReportsMissingDevice()
    {
        AudioPlayer silent(nullptr, AudioPlayer::Output::VirtualClock);
        QVERIFY(!silent.isAvailable());
        QVERIFY(!silent.unavailableReason().isEmpty());

        AudioPlayer player;
        if (QMediaDevices::defaultAudioOutput().isNull()) {
            QVERIFY(!player.isAvailable());
            QVERIFY(player.unavailableReason().contains(QStringLiteral("No audio output")));
        } else {
            QCOMPARE(player.isAvailable(), player.unavailableReason().isEmpty());
        }
        // Nothing to play: play() does nothing.
        player.play();
        QVERIFY(!player.isPlaying());
    }

    void playAdvancesAndStopsAtTheEnd()
    {
        AudioPlayer player(nullptr, AudioPlayer::Output::VirtualClock);
        player.setAudio(sine(440.0, 0.3, 0.5));
        QCOMPARE(player.durationSeconds(), 0.3);
        QSignalSpy playing(&player, &AudioPlayer::playingChanged);
        QSignalSpy position(&player, &AudioPlayer::positionChanged);
        QElapsedTimer clock;
        clock.start();
        player.play();
        QVERIFY(player.isPlaying());
        QCOMPARE(playing.size(), 1);
        QCOMPARE(playing.at(0).at(0).toBool(), true);

        // Mid-play, the first report is past the start and short of the end (it may come
        // late on a busy machine: wait for it rather than for a fixed time).
        QTRY_VERIFY_WITH_TIMEOUT(position.size() >= 2, kTimeoutMs);
        const double midway = position.at(1).at(0).toDouble();
        QVERIFY2(midway > 0.0 && midway < 0.3, qPrintable(QString::number(midway)));

        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 3000);
        // Not before the audio was all played, on the real-time clock.
        QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(playing.size(), 2);
        QCOMPARE(playing.at(1).at(0).toBool(), false);
        // Positions rose to the end, then went back to the start.
        QList<double> seen;
        for (const auto &args : position)
            seen << args.at(0).toDouble();
        QVERIFY(seen.size() >= 5);
        QCOMPARE(seen.last(), 0.0);
        QVERIFY(std::abs(seen.at(seen.size() - 2) - 0.3) < 1e-9);
        for (qsizetype i = 1; i + 1 < seen.size(); ++i)
            QVERIFY(seen[i] >= seen[i - 1]);
        QCOMPARE(player.positionSeconds(), 0.0);
    }

    void playLoopsWhenLooping()
    {
        AudioPlayer player(nullptr, AudioPlayer::Output::VirtualClock);
        player.setAudio(sine(440.0, 0.15, 0.5));
        player.setLooping(true);
        QVERIFY(player.isLooping());
        QSignalSpy position(&player, &AudioPlayer::positionChanged);
        const auto wraps = [&] {
            int n = 0;
            for (qsizetype i = 1; i < position.size(); ++i) {
                if (position.at(i).at(0).toDouble() < position.at(i - 1).at(0).toDouble())
                    ++n;
            }
            return n;
        };
        player.play();
        // Reports come on a timer (late on a busy machine): wait for two wraps to be seen.
        QTRY_VERIFY_WITH_TIMEOUT(wraps() >= 2, kTimeoutMs);
        QVERIFY(player.isPlaying()); // past three lengths and still going
        // Looping off: it ends at the end of the current pass.
        player.setLooping(false);
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), kTimeoutMs);
    }

    void levelsOfAKnownSine_data()
    {
        QTest::addColumn<double>("amplitude");
        QTest::addRow("-6 dBFS") << 0.5;
        QTest::addRow("-20 dBFS") << 0.1;
        QTest::addRow("full scale") << 1.0;
    }
    void levelsOfAKnownSine()
    {
        QFETCH(double, amplitude);
        AudioPlayer player(nullptr, AudioPlayer::Output::VirtualClock);
        player.setAudio(sine(1000.0, 2.0, amplitude));
        QSignalSpy levels(&player, &AudioPlayer::levelChanged);
        player.play();
        // About 30 reports a second while playing (fewer on a busy machine), then silence on stop.
        QTRY_VERIFY_WITH_TIMEOUT(levels.size() >= 6, kTimeoutMs);
        player.stop();
        QCOMPARE(levels.last().at(0).toDouble(), AudioPlayer::kSilenceDb);
        const double peakDb = 20.0 * std::log10(amplitude);
        const double rmsDb = peakDb - 10.0 * std::log10(2.0);
        for (qsizetype i = 0; i + 1 < levels.size(); ++i) {
            const double peak = levels.at(i).at(0).toDouble();
            const double rms = levels.at(i).at(1).toDouble();
            QVERIFY2(std::abs(peak - peakDb) < 0.05, qPrintable(QStringLiteral("peak %1 dB").arg(peak)));
            QVERIFY2(std::abs(rms - rmsDb) < 0.2, qPrintable(QStringLiteral("rms %1 dB").arg(rms)));
        }
    }

    void setAudioWhilePlaying()
    {
        AudioPlayer player(nullptr, AudioPlayer::Output::VirtualClock);
        player.setAudio(sine(440.0, 1.0, 0.1));
        QSignalSpy playing(&player, &AudioPlayer::playingChanged);
        QSignalSpy levels(&player, &AudioPlayer::levelChanged);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.positionSeconds() > 0.15, kTimeoutMs);

        const QList<float> louder = sine(1000.0, 0.6, 0.9);
        player.setAudio(louder);
        QVERIFY(player.isPlaying());
        QCOMPARE(playing.size(), 1); // no stop in between
        QCOMPARE(player.durationSeconds(), 0.6);
        QVERIFY(player.positionSeconds() < 0.05); // the new audio from its start
        QCOMPARE(player.audio(), louder);
        levels.clear();
        // The first report after the swap (the last one may be the silence at the end).
        QTRY_VERIFY_WITH_TIMEOUT(!levels.isEmpty(), kTimeoutMs);
        const double peak = levels.first().at(0).toDouble();
        QVERIFY2(std::abs(peak - 20.0 * std::log10(0.9)) < 0.05, qPrintable(QString::number(peak)));
        // It runs for the new length from the swap.
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 2000);

        // Empty audio stops playback.
        player.play();
        QVERIFY(player.isPlaying());
        player.setAudio({});
        QVERIFY(!player.isPlaying());
        player.play();
        QVERIFY(!player.isPlaying());
    }

    void stopAndPlayAgain()
    {
        AudioPlayer player(nullptr, AudioPlayer::Output::VirtualClock);
        player.setAudio(sine(440.0, 1.0, 0.5));
        player.play();
        QTest::qWait(150);
        player.stop();
        QVERIFY(!player.isPlaying());
        QCOMPARE(player.positionSeconds(), 0.0);
        QCOMPARE(player.generator()->framePosition(), 0);
        QElapsedTimer sinceRestart;
        sinceRestart.start();
        player.toggle();
        QVERIFY(player.isPlaying());
        QTest::qWait(60);
        // From the start again: never further on than the time since (a bound that a busy
        // machine cannot break, unlike a fixed position).
        QVERIFY(player.positionSeconds() <= double(sinceRestart.nsecsElapsed()) / 1e9);
        player.toggle();
        QVERIFY(!player.isPlaying());
    }

    void playsThroughTheDefaultDevice()
    {
        // Opt-in: it makes sound. Set NEURORACK_TEST_AUDIO_OUTPUT=1 (a PulseAudio null
        // sink is enough) to check the QAudioSink path.
        if (qEnvironmentVariableIsEmpty("NEURORACK_TEST_AUDIO_OUTPUT"))
            QSKIP("set NEURORACK_TEST_AUDIO_OUTPUT=1 to play through the default audio output");
        if (QMediaDevices::defaultAudioOutput().isNull())
            QFAIL("NEURORACK_TEST_AUDIO_OUTPUT is set but there is no default audio output");
        AudioPlayer player;
        QVERIFY2(player.isAvailable(), qPrintable(player.unavailableReason()));
        QSignalSpy errors(&player, &AudioPlayer::errorOccurred);
        QSignalSpy levels(&player, &AudioPlayer::levelChanged);
        QSignalSpy position(&player, &AudioPlayer::positionChanged);
        constexpr double amplitude = 0.1; // quiet: this may be a real loudspeaker
        player.setAudio(sine(1000.0, 0.4, amplitude));
        QElapsedTimer clock;
        clock.start();
        player.play();
        QVERIFY(player.isPlaying());
        QCOMPARE(player.format().sampleRate(), kRate);
        QVERIFY(AudioGenerator::canProduce(player.format()));
        QTest::qWait(200);
        QVERIFY(player.generator()->framePosition() > 0); // the sink pulls
        const double midway = player.positionSeconds();
        QVERIFY2(midway > 0.05 && midway < 0.4, qPrintable(QString::number(midway)));
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 3000);
        // It ends after the audio and the device's buffer have played, not long after.
        QVERIFY2(clock.elapsed() >= 350 && clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(errors.isEmpty());
        QVERIFY(levels.size() >= 4);
        const double peak = levels.at(levels.size() / 2).at(0).toDouble();
        QVERIFY2(std::abs(peak - 20.0 * std::log10(amplitude)) < 0.1, qPrintable(QString::number(peak)));
        QVERIFY(std::abs(position.at(position.size() - 2).at(0).toDouble() - 0.4) < 1e-9);

        // Again, with new audio set mid-play after the first ran dry: the sink is woken.
        player.setAudio(sine(1000.0, 0.1, amplitude));
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.generator()->isFinished(), 1000);
        const QList<float> next = sine(500.0, 0.3, amplitude);
        if (player.isPlaying()) {
            player.setAudio(next);
            QTest::qWait(150);
            QVERIFY(player.isPlaying());
            QVERIFY(player.generator()->framePosition() > 0);
            QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 2000);
        }
        // Looping keeps the device fed.
        player.setAudio(next);
        player.setLooping(true);
        player.play();
        QTest::qWait(700);
        QVERIFY(player.isPlaying());
        player.stop();
        QVERIFY(!player.isPlaying());
        QVERIFY(errors.isEmpty());
    }

    // --- Level meter --------------------------------------------------------------

    void meterBallistics()
    {
        using namespace std::chrono_literals;
        LevelMeter meter;
        QSignalSpy clipped(&meter, &LevelMeter::clippedChanged);
        meter.setLevels(-6.0, -9.0);
        QCOMPARE(meter.peakDbfs(), -6.0);
        QCOMPARE(meter.rmsDbfs(), -9.0);
        QCOMPARE(meter.peakHoldDbfs(), -6.0);
        QVERIFY(!meter.isClipped());

        // A quieter report does not pull the bars down at once; time does.
        meter.setLevels(-40.0, -45.0);
        QCOMPARE(meter.peakDbfs(), -6.0);
        meter.advance(500ms);
        QVERIFY(std::abs(meter.peakDbfs() - (-6.0 - LevelMeter::kDecayDbPerSecond * 0.5)) < 1e-9);
        QCOMPARE(meter.peakHoldDbfs(), -6.0); // held
        meter.advance(1500ms);
        // The hold expired 500 ms ago and has fallen for that long.
        QVERIFY(std::abs(meter.peakHoldDbfs() - (-6.0 - LevelMeter::kDecayDbPerSecond * 0.5)) < 1e-9);
        meter.advance(10s);
        QCOMPARE(meter.peakDbfs(), LevelMeter::kMinDb);
        QCOMPARE(meter.peakHoldDbfs(), LevelMeter::kMinDb);

        // Silence reads as the floor; a full-scale peak lights the clip until cleared.
        meter.setLevels(AudioPlayer::kSilenceDb, -std::numeric_limits<double>::infinity());
        QCOMPARE(meter.peakDbfs(), LevelMeter::kMinDb);
        meter.setLevels(0.0, -3.0);
        QVERIFY(meter.isClipped());
        QCOMPARE(clipped.size(), 1);
        meter.advance(5s);
        QVERIFY(meter.isClipped());
        meter.resize(300, 30);
        QTest::mouseClick(&meter, Qt::LeftButton);
        QVERIFY(!meter.isClipped());
        QCOMPARE(clipped.size(), 2);
        meter.setLevels(-1.0, -4.0);
        meter.reset();
        QCOMPARE(meter.peakDbfs(), LevelMeter::kMinDb);
        QCOMPARE(meter.rmsDbfs(), LevelMeter::kMinDb);
    }

    // --- Panel --------------------------------------------------------------------

    void panelShowsWhatItPlays()
    {
        PreviewPanel panel(nullptr, AudioPlayer::Output::VirtualClock);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *title = panel.findChild<QLabel *>(QStringLiteral("previewTitle"));
        auto *playButton = panel.findChild<QToolButton *>(QStringLiteral("previewPlay"));
        auto *busy = panel.findChild<QLabel *>(QStringLiteral("previewBusy"));
        auto *errorLabel = panel.findChild<QLabel *>(QStringLiteral("previewError"));
        auto *autoPlay = panel.findChild<QCheckBox *>(QStringLiteral("previewAutoPlay"));
        auto *loop = panel.findChild<QCheckBox *>(QStringLiteral("previewLoop"));
        QVERIFY(title && playButton && busy && errorLabel && autoPlay && loop);
        QVERIFY(autoPlay->isChecked());
        QVERIFY(!playButton->isEnabled()); // nothing to play yet
        QVERIFY(playButton->toolTip().contains(QStringLiteral("Space")));

        panel.setBusy(true);
        QVERIFY(busy->isVisible());
        QVERIFY(panel.isBusy());
        QSignalSpy ready(panel.findChild<SpectrogramView *>(), &SpectrogramView::spectrogramReady);
        panel.setAudio(impact(1.0), QStringLiteral("Deep Kick"), 7.44);
        panel.setBusy(false);
        QVERIFY(!busy->isVisible());
        QVERIFY(title->text().contains(QStringLiteral("Deep Kick")));
        QVERIFY2(title->text().contains(QStringLiteral("7.4 ms")), qPrintable(title->text()));
        QVERIFY(title->text().contains(QStringLiteral("1.00 s")));
        QVERIFY(panel.player()->isPlaying()); // auto-play
        QCOMPARE(playButton->text(), QStringLiteral("Stop"));
        QCOMPARE(panel.findChild<WaveformView *>()->durationSeconds(), 1.0);

        // The button and loop box drive the player.
        playButton->click();
        QVERIFY(!panel.player()->isPlaying());
        QCOMPARE(playButton->text(), QStringLiteral("Play"));
        loop->setChecked(true);
        QVERIFY(panel.player()->isLooping());
        playButton->click();
        QVERIFY(panel.player()->isPlaying());
        panel.stop();
        QVERIFY(!panel.player()->isPlaying());
        // The spectrogram is computed on a thread: wait for it only now, since the second of
        // auto-play may be over by then on a busy machine (nothing above ran the event loop).
        QVERIFY(ready.wait(5000));

        // Space plays and stops while the panel has focus.
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        QTest::mouseClick(panel.findChild<WaveformView *>(), Qt::LeftButton);
        QVERIFY(panel.findChild<WaveformView *>()->hasFocus());
        QTest::keyClick(panel.findChild<WaveformView *>(), Qt::Key_Space);
        QVERIFY(panel.player()->isPlaying());
        QTest::keyClick(panel.findChild<WaveformView *>(), Qt::Key_Space);
        QVERIFY(!panel.player()->isPlaying());

        // An error shows, keeps the audio, and goes with the next render.
        panel.setError(QStringLiteral("The model failed: NaN in the output"));
        QVERIFY(errorLabel->isVisible());
        QCOMPARE(panel.error(), QStringLiteral("The model failed: NaN in the output"));
        QCOMPARE(panel.player()->durationSeconds(), 1.0);
        // Auto-play off: a new render is shown, not played.
        autoPlay->setChecked(false);
        QVERIFY(!panel.autoPlay());
        panel.setAudio(impact(0.5), QStringLiteral("Snare"), 3.0);
        QVERIFY(!errorLabel->isVisible());
        QVERIFY(!panel.player()->isPlaying());
        QVERIFY(title->text().contains(QStringLiteral("Snare")));
        QCOMPARE(panel.player()->durationSeconds(), 0.5);
        // A file, not a render: no render time.
        panel.setAudio(impact(0.5), QStringLiteral("kick.wav"), -1.0);
        QVERIFY(!title->text().contains(QStringLiteral("ms")));
    }

    void panelScreenshot()
    {
        PreviewPanel panel(nullptr, AudioPlayer::Output::VirtualClock);
        panel.resize(960, 620);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy ready(panel.findChild<SpectrogramView *>(), &SpectrogramView::spectrogramReady);
        panel.setAudio(impact(1.5), QStringLiteral("Deep Kick"), 6.8);
        QVERIFY(ready.wait(5000));
        // Mid-play: the playhead and the meter are shown. The sound may have ended while the
        // spectrogram was computed on a busy machine: play it from the start, and wait for
        // the playhead to move on rather than for a fixed time.
        panel.play();
        QTRY_VERIFY_WITH_TIMEOUT(panel.player()->positionSeconds() > 0.3, kTimeoutMs);
        QVERIFY(panel.player()->isPlaying());
        QVERIFY(panel.findChild<LevelMeter *>()->peakDbfs() > LevelMeter::kMinDb);
        QVERIFY(!panel.findChild<LevelMeter *>()->isClipped());
        const QString dir = QStringLiteral(NEURORACK_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QImage shot = panel.grab().toImage();
        QVERIFY(shot.save(dir + QStringLiteral("/preview.png")));
    }
};

QTEST_MAIN(tst_Preview)
#include "tst_preview.moc"
