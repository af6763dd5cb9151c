// SPDX-License-Identifier: GPL-3.0-or-later
// Audio files through libsndfile: formats in and out, conversion to 48 kHz mono, and
// clear errors for missing, empty, unreadable and absurd files.
#include "audio/audiofile.h"
#include "model/framegrid.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>

using namespace neurorack;

namespace {

std::vector<float> sine(double hz, double amplitude, std::size_t n, int rate = grid::kSampleRate)
{
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * hz * double(i) / rate));
    return x;
}

double rms(std::span<const float> x, std::size_t skip = 0)
{
    double s = 0.0;
    for (std::size_t i = skip; i + skip < x.size(); ++i)
        s += double(x[i]) * x[i];
    return std::sqrt(s / double(x.size() - 2 * skip));
}

} // namespace

class tst_AudioFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString writeBytes(const QString &name, const QByteArray &bytes)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(bytes);
        return f.fileName();
    }

private Q_SLOTS:
    void writeAndReadBack_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::addColumn<double>("tolerance"); // largest sample error: the format's quantisation
        QTest::addRow("WAV 16-bit") << QStringLiteral("a.wav") << int(SampleFormat::Pcm16) << 1.0 / 32768;
        QTest::addRow("WAV 24-bit") << QStringLiteral("b.wav") << int(SampleFormat::Pcm24) << 1.0 / 8388608;
        QTest::addRow("WAV float") << QStringLiteral("c.wav") << int(SampleFormat::Float32) << 0.0;
        QTest::addRow("FLAC 16-bit") << QStringLiteral("d.flac") << int(SampleFormat::Pcm16) << 1.0 / 32768;
        QTest::addRow("FLAC 24-bit") << QStringLiteral("e.flac") << int(SampleFormat::Pcm24) << 1.0 / 8388608;
    }
    void writeAndReadBack()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        QFETCH(double, tolerance);
        const auto x = sine(440.0, 0.7, 12345);
        QCOMPARE(AudioFile::write(path(name), x, SampleFormat(format)), QString());
        const auto clip = AudioFile::read(path(name));
        QVERIFY2(clip.ok(), qPrintable(clip.errorString()));
        QCOMPARE(clip->samples.size(), x.size());
        QCOMPARE(clip->sourceSampleRate, 48000);
        QCOMPARE(clip->sourceChannels, 1);
        double worst = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i)
            worst = std::max(worst, double(std::abs(clip->samples[i] - x[i])));
        QVERIFY2(worst <= tolerance, qPrintable(QString::number(worst)));
        QVERIFY(!clip->sourceFormat.isEmpty());
    }

    void clippingNotWrapping()
    {
        const std::vector<float> x{0.5f, 1.7f, -2.0f, 0.25f};
        QCOMPARE(AudioFile::write(path(QStringLiteral("hot.wav")), x, SampleFormat::Pcm24), QString());
        const auto clip = AudioFile::read(path(QStringLiteral("hot.wav")));
        QVERIFY2(clip.ok(), qPrintable(clip.errorString()));
        QVERIFY(clip->samples[1] > 0.99f);
        QVERIFY(clip->samples[2] < -0.99f);
    }

    void writeErrors()
    {
        const auto x = sine(440.0, 0.5, 100);
        QVERIFY(AudioFile::write(path(QStringLiteral("x.flac")), x, SampleFormat::Float32).contains(QStringLiteral("FLAC stores whole numbers")));
        QVERIFY(AudioFile::write(path(QStringLiteral("x.mp3")), x).contains(QStringLiteral("must end in .wav or .flac")));
        QVERIFY(AudioFile::write(m_dir.filePath(QStringLiteral("no/such/folder/x.wav")), x).contains(QStringLiteral("cannot be written")));
    }

    void resamplesToFortyEightKilohertz_data()
    {
        QTest::addColumn<int>("rate");
        for (const int rate : {8000, 22050, 44100, 96000, 192000})
            QTest::addRow("%d Hz", rate) << rate;
    }
    void resamplesToFortyEightKilohertz()
    {
        QFETCH(int, rate);
        const auto in = sine(1000.0, 0.5, std::size_t(rate), rate); // one second
        const auto out = AudioFile::toProductFormat(in, 1, rate);
        QVERIFY(std::abs(double(out.size()) - 48000.0) <= 2.0);
        // Same level, and still 1 kHz: count rising zero crossings over the middle.
        QVERIFY(std::abs(rms(out, 2000) - 0.5 / std::sqrt(2.0)) < 0.005);
        int crossings = 0;
        for (std::size_t i = 4800; i < 43200; ++i)
            crossings += out[i - 1] < 0.0f && out[i] >= 0.0f ? 1 : 0;
        QCOMPARE(crossings, 800);
    }

    void averagesChannels()
    {
        const std::vector<float> stereo{1.0f, 0.0f, 0.5f, 0.5f, -1.0f, 1.0f};
        QCOMPARE(AudioFile::toProductFormat(stereo, 2, 48000), (std::vector<float>{0.5f, 0.5f, 0.0f}));
    }

    void soxFormats_data()
    {
        QTest::addColumn<QStringList>("format");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QString>("description");
        const QString r = QStringLiteral("-r"), b = QStringLiteral("-b"), c = QStringLiteral("-c");
        QTest::addRow("8-bit WAV") << QStringList{r, QStringLiteral("11025"), b, QStringLiteral("8")} << QStringLiteral("s8.wav") << 1 << QStringLiteral("WAV 8-bit");
        QTest::addRow("stereo 16-bit AIFF") << QStringList{r, QStringLiteral("44100"), b, QStringLiteral("16"), c, QStringLiteral("2")}
                                            << QStringLiteral("s16.aiff") << 2 << QStringLiteral("AIFF 16-bit");
        QTest::addRow("6-channel 24-bit FLAC") << QStringList{r, QStringLiteral("96000"), b, QStringLiteral("24"), c, QStringLiteral("6")}
                                               << QStringLiteral("s24.flac") << 6 << QStringLiteral("FLAC 24-bit");
        QTest::addRow("OGG Vorbis") << QStringList{r, QStringLiteral("32000")} << QStringLiteral("v.ogg") << 1 << QStringLiteral("OGG Vorbis");
    }
    void soxFormats()
    {
        QFETCH(QStringList, format);
        QFETCH(QString, name);
        QFETCH(int, channels);
        QFETCH(QString, description);
        const QString file = test::soxGenerate(m_dir.path(), name, format,
                                               {QStringLiteral("synth"), QStringLiteral("0.5"), QStringLiteral("sine"), QStringLiteral("500")});
        QVERIFY(!file.isEmpty());
        const auto clip = AudioFile::read(file);
        QVERIFY2(clip.ok(), qPrintable(clip.errorString()));
        QCOMPARE(clip->sourceChannels, channels);
        QCOMPARE(clip->sourceFormat, description);
        QVERIFY(std::abs(clip->duration() - 0.5) < 0.002);
        QVERIFY(rms(clip->samples, 2000) > 0.3); // sox's sine is full scale
    }

    void readErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::addRow("missing") << QStringLiteral("missing.wav") << QStringLiteral("missing.wav: no such file");
        QTest::addRow("empty") << QStringLiteral("@empty") << QStringLiteral("empty.wav: the file is empty");
        QTest::addRow("not audio") << QStringLiteral("@text") << QStringLiteral("text.wav: not a readable audio file");
        QTest::addRow("folder") << QStringLiteral("@folder") << QStringLiteral("folder: is a folder, not an audio file");
        QTest::addRow("header only") << QStringLiteral("@header") << QStringLiteral("header.wav: contains no audio");
    }
    void readErrors()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QString target = path(file);
        if (file == QLatin1String("@empty")) {
            target = writeBytes(QStringLiteral("empty.wav"), {});
        } else if (file == QLatin1String("@text")) {
            target = writeBytes(QStringLiteral("text.wav"), QByteArray("this is not a sound, just words\n").repeated(20));
        } else if (file == QLatin1String("@folder")) {
            QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder")));
            target = path(QStringLiteral("folder"));
        } else if (file == QLatin1String("@header")) {
            QCOMPARE(AudioFile::write(path(QStringLiteral("header.wav")), std::vector<float>{}), QString());
            target = path(QStringLiteral("header.wav"));
        }
        const auto clip = AudioFile::read(target);
        QVERIFY(!clip.ok());
        QVERIFY2(clip.errorString().contains(message), qPrintable(clip.errorString()));
    }

    void absurdLevelsAndNonFiniteSamples()
    {
        // A float file is free to hold anything: 1e17 is refused, NaN reads as silence.
        std::vector<float> x(4800, 0.25f);
        x[100] = 1.0e17f;
        QCOMPARE(AudioFile::write(path(QStringLiteral("huge.wav")), x, SampleFormat::Float32), QString());
        const auto huge = AudioFile::read(path(QStringLiteral("huge.wav")));
        QVERIFY(!huge.ok());
        QVERIFY2(huge.errorString().contains(QStringLiteral("not audio levels")), qPrintable(huge.errorString()));
        x[100] = std::numeric_limits<float>::quiet_NaN();
        x[200] = std::numeric_limits<float>::infinity();
        QCOMPARE(AudioFile::write(path(QStringLiteral("nan.wav")), x, SampleFormat::Float32), QString());
        const auto clean = AudioFile::read(path(QStringLiteral("nan.wav")));
        QVERIFY2(clean.ok(), qPrintable(clean.errorString()));
        QCOMPARE(clean->samples[100], 0.0f);
        QCOMPARE(clean->samples[200], 0.0f);
    }

    void absurdSampleRateIsRefused()
    {
        // A WAV header claiming 3 Hz: written by hand, as no tool makes one.
        QCOMPARE(AudioFile::write(path(QStringLiteral("ok.wav")), sine(100.0, 0.5, 480), SampleFormat::Pcm16), QString());
        QFile f(path(QStringLiteral("ok.wav")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        const qsizetype fmt = bytes.indexOf("fmt ");
        QVERIFY(fmt > 0);
        const quint32 rate = 3, byteRate = 6;
        std::memcpy(bytes.data() + fmt + 12, &rate, 4);
        std::memcpy(bytes.data() + fmt + 16, &byteRate, 4);
        const auto clip = AudioFile::read(writeBytes(QStringLiteral("slow.wav"), bytes));
        QVERIFY(!clip.ok());
        QVERIFY2(clip.errorString().contains(QStringLiteral("sample rate of 3 Hz is outside")), qPrintable(clip.errorString()));
    }
};

QTEST_GUILESS_MAIN(tst_AudioFile)
#include "tst_audiofile.moc"
