// SPDX-License-Identifier: GPL-3.0-or-later
// The neurorack command line tool, run as a user would run it: exit codes, messages.
#include "io/documentfile.h"
#include "audio/audiofile.h"
#include "io/jsonwriter.h"
#include "model/factory.h"
#include "testsupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace neurorack;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(NEURORACK_BINARY_DIR "/app/neurorack"), args);
    if (!p.waitForFinished(30000))
        qFatal("neurorack did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_factory;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write a test file");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_factory = QStringLiteral(NEURORACK_SOURCE_DIR "/core/resources/factory-bank.json");
    }

    void versionAndHelp()
    {
        const Run v = runCli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out, QStringLiteral("neurorack " NEURORACK_VERSION "\n"));
        const Run h = runCli({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains(QStringLiteral("bank validate")));
        const Run ch = runCli({QStringLiteral("bank"), QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(ch.exitCode, 0);
        QVERIFY(ch.out.startsWith(QStringLiteral("Usage: neurorack bank validate [options] FILE...")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("no command") << QStringList{} << QStringLiteral("Usage: neurorack COMMAND");
        QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command 'frobnicate'");
        QTest::addRow("unknown action") << QStringList{QStringLiteral("bank"), QStringLiteral("eat")}
                                        << QStringLiteral("unknown action 'eat' (expected one of: validate, show, convert)");
        QTest::addRow("missing action") << QStringList{QStringLiteral("bank")} << QStringLiteral("Usage: neurorack bank ACTION");
        QTest::addRow("missing file") << QStringList{QStringLiteral("bank"), QStringLiteral("validate")}
                                      << QStringLiteral("expected at least 1 argument(s), got 0");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("bank"), QStringLiteral("validate"), QStringLiteral("--colour"), QStringLiteral("x")}
                                        << QStringLiteral("Unknown option 'colour'");
        QTest::addRow("convert needs two files") << QStringList{QStringLiteral("bank"), QStringLiteral("convert"), QStringLiteral("a.json")}
                                                 << QStringLiteral("expected 2 argument(s), got 1");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void validatesTheFactoryBank()
    {
        const Run r = runCli({QStringLiteral("bank"), QStringLiteral("validate"), m_factory});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(": valid bank \"Factory\"")), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
        const Run mappings = runCli({QStringLiteral("mapping"), QStringLiteral("validate"), QStringLiteral("-q"),
                                        QStringLiteral(NEURORACK_SOURCE_DIR "/core/resources/mappings/original.json"),
                                        QStringLiteral(NEURORACK_SOURCE_DIR "/core/resources/mappings/alternative.json")});
        QCOMPARE(mappings.exitCode, 0);
        QVERIFY(mappings.out.isEmpty());
    }

    void rejectsAnInvalidBankNamingTheField()
    {
        auto tree = *DocumentFile::parse(*DocumentFile::readFile(m_factory));
        tree = test::replaced(tree, QStringLiteral("presets/12/curves/pitch/40"), 25000);
        tree = test::replaced(tree, QStringLiteral("mapping/cv/2/target"), QStringLiteral("wobble"));
        const QString bad = write(QStringLiteral("bad.json"), JsonWriter::write(tree));
        const Run r = runCli({QStringLiteral("bank"), QStringLiteral("validate"), m_factory, bad});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // in the order of the file: the mapping comes before the presets
        QVERIFY(lines.at(0).startsWith(bad + QStringLiteral(": mapping.cv[2].target: \"wobble\" is not a known target")));
        QCOMPARE(lines.at(1), bad + QStringLiteral(": presets[12].curves.pitch[40]: 25000 Hz is above the 8000 Hz maximum"));
        QVERIFY(r.out.contains(QStringLiteral("valid bank"))); // the good file is still reported
    }

    void missingAndUnreadableFiles()
    {
        const Run missing = runCli({QStringLiteral("bank"), QStringLiteral("validate"), m_dir.filePath(QStringLiteral("nope.json"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("nope.json: no such file")));
        const Run garbage = runCli({QStringLiteral("bank"), QStringLiteral("validate"),
                                       write(QStringLiteral("garbage.json"), QByteArray("{\"format\": \"neurorack.bank\"")) });
        QCOMPARE(garbage.exitCode, 1);
        QVERIFY2(garbage.err.contains(QStringLiteral("line 1, column 28: malformed JSON: unterminated string")), qPrintable(garbage.err));
    }

    void convertRoundTrip()
    {
        const QString cbor = m_dir.filePath(QStringLiteral("factory.cbor"));
        const QString json = m_dir.filePath(QStringLiteral("factory.json"));
        QCOMPARE(runCli({QStringLiteral("bank"), QStringLiteral("convert"), m_factory, cbor}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("bank"), QStringLiteral("convert"), cbor, json}).exitCode, 0);
        QCOMPARE(*DocumentFile::readFile(json), *DocumentFile::readFile(m_factory));
        QCOMPARE(runCli({QStringLiteral("bank"), QStringLiteral("validate"), cbor}).exitCode, 0);
    }

    void analyzeJson()
    {
        const QString tone = test::soxGenerate(m_dir.path(), QStringLiteral("tone.wav"), {QStringLiteral("-r"), QStringLiteral("44100")},
                                               {QStringLiteral("synth"), QStringLiteral("0.5"), QStringLiteral("sine"), QStringLiteral("220"),
                                                QStringLiteral("vol"), QStringLiteral("0.3"), QStringLiteral("pad"), QStringLiteral("0"), QStringLiteral("0.5")});
        QVERIFY(!tone.isEmpty());
        const Run r = runCli({QStringLiteral("analyze"), tone, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.value(QStringLiteral("sample_rate")).toInt(), 48000);
        QCOMPARE(doc.value(QStringLiteral("hop_length")).toInt(), 240);
        QCOMPARE(doc.value(QStringLiteral("frame_rate")).toInt(), 200);
        QVERIFY(std::abs(doc.value(QStringLiteral("duration")).toDouble() - 1.0) < 1e-3);
        const QJsonObject descriptors = doc.value(QStringLiteral("descriptors")).toObject();
        QCOMPARE(descriptors.keys().size(), 7);
        for (const QString &key : descriptorKeys())
            QCOMPARE(descriptors.value(key).toArray().size(), 200);
        QCOMPARE(doc.value(QStringLiteral("units")).toObject().value(QStringLiteral("loudness")).toString(), QStringLiteral("LUFS"));
        const QJsonArray pitch = descriptors.value(QStringLiteral("pitch")).toArray();
        QVERIFY(std::abs(pitch.at(50).toDouble() - 220.0) < 2.2);
        QVERIFY(pitch.at(150).isNull()); // the padded silence is unvoiced: null, not zero

        const QString out = m_dir.filePath(QStringLiteral("tone.analysis.json"));
        QCOMPARE(runCli({QStringLiteral("analyze"), tone, QStringLiteral("-o"), out}).exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(*DocumentFile::readFile(out)).object(), doc);

        const Run summary = runCli({QStringLiteral("analyze"), tone});
        QCOMPARE(summary.exitCode, 0);
        QVERIFY2(summary.out.contains(QStringLiteral("44100 Hz mono")), qPrintable(summary.out));
        // Half the clip is silence; frames within half a window of the cut still hear the tone.
        QVERIFY2(summary.out.contains(QRegularExpression(QStringLiteral("voiced in 5[0-2] % of frames"))), qPrintable(summary.out));
    }

    void analyzeErrors()
    {
        const Run missing = runCli({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("none.wav"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("none.wav: no such file")));
        const Run notAudio = runCli({QStringLiteral("analyze"), m_factory});
        QCOMPARE(notAudio.exitCode, 1);
        QVERIFY(notAudio.err.contains(QStringLiteral("not a readable audio file")));
        QCOMPARE(runCli({QStringLiteral("analyze")}).exitCode, 2);
    }

    void presetFromAudio()
    {
        const QString hit = test::soxGenerate(m_dir.path(), QStringLiteral("My Hit.flac"), {QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-b"), QStringLiteral("24")},
                                              {QStringLiteral("synth"), QStringLiteral("0.8"), QStringLiteral("whitenoise"), QStringLiteral("fade"),
                                               QStringLiteral("p"), QStringLiteral("0"), QStringLiteral("0.8"), QStringLiteral("0.75")});
        QVERIFY(!hit.isEmpty());
        const QString presetPath = m_dir.filePath(QStringLiteral("hit.json"));
        const Run r = runCli({QStringLiteral("preset"), QStringLiteral("from-audio"), hit, QStringLiteral("-o"), presetPath,
                              QStringLiteral("--tags"), QStringLiteral("noise, test")});
        QCOMPARE(r.exitCode, 0);
        const auto preset = DocumentFile::loadPreset(presetPath);
        QVERIFY2(preset.ok(), qPrintable(preset.errorString()));
        QCOMPARE(preset->name, QStringLiteral("My Hit"));
        QCOMPARE(preset->id, QStringLiteral("my-hit"));
        QCOMPARE(preset->tags, (QStringList{QStringLiteral("noise"), QStringLiteral("test")}));
        QCOMPARE(preset->source, PresetSource::Analysed);
        QCOMPARE(preset->sourceDetail, QStringLiteral("My Hit.flac"));
        QCOMPARE(preset->curves.frameCount(), 160);
        QVERIFY(preset->curves.value(DescriptorId::Noisiness, 40) > 0.8f);
        QCOMPARE(runCli({QStringLiteral("preset"), QStringLiteral("validate"), presetPath}).exitCode, 0);

        const Run named = runCli({QStringLiteral("preset"), QStringLiteral("from-audio"), hit, QStringLiteral("-o"), presetPath,
                                  QStringLiteral("--name"), QStringLiteral("Wash")});
        QCOMPARE(named.exitCode, 0);
        QCOMPARE(DocumentFile::loadPreset(presetPath)->name, QStringLiteral("Wash"));
        QCOMPARE(runCli({QStringLiteral("preset"), QStringLiteral("from-audio"), hit}).exitCode, 2); // -o is required
    }

    void spectrogramPicture()
    {
        const QString tone = test::soxGenerate(m_dir.path(), QStringLiteral("sweep.wav"), {QStringLiteral("-r"), QStringLiteral("48000")},
                                               {QStringLiteral("synth"), QStringLiteral("1"), QStringLiteral("sine"), QStringLiteral("100-8000")});
        const QString png = m_dir.filePath(QStringLiteral("sweep.png"));
        const Run r = runCli({QStringLiteral("spectrogram"), tone, QStringLiteral("-o"), png, QStringLiteral("--width"),
                              QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("360")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(640, 360));
        QCOMPARE(runCli({QStringLiteral("spectrogram"), tone, QStringLiteral("-o"), png, QStringLiteral("--width"), QStringLiteral("5")}).exitCode, 2);
    }

    void corpusGenerate()
    {
        const QString dir = m_dir.filePath(QStringLiteral("corpus"));
        const Run r = runCli({QStringLiteral("corpus"), QStringLiteral("generate"), QStringLiteral("--count"), QStringLiteral("4"),
                              QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("-o"), dir});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("wrote 4 impacts")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("range covered")));
        QVERIFY(r.err.contains(QStringLiteral("4/4 impacts"))); // progress
        QCOMPARE(QDir(dir + QStringLiteral("/audio")).entryList(QDir::Files).size(), 4);
        QCOMPARE(QDir(dir + QStringLiteral("/descriptors")).entryList(QDir::Files).size(), 4);
        QCOMPARE(runCli({QStringLiteral("corpus"), QStringLiteral("generate"), QStringLiteral("-o"), dir}).exitCode, 2); // no --count
    }

    void evaluate()
    {
        // 63 impacts: impact-00037 and impact-00062 are held out.
        const QString dir = m_dir.filePath(QStringLiteral("eval-corpus"));
        QCOMPARE(runCli({QStringLiteral("corpus"), QStringLiteral("generate"), QStringLiteral("--count"), QStringLiteral("63"),
                         QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("-o"), dir})
                     .exitCode,
                 0);
        const QString model = QStringLiteral(NEURORACK_BINARY_DIR "/test-models/valid.pt");
        const Run r = runCli({QStringLiteral("eval"), QStringLiteral("--corpus"), dir, QStringLiteral("--count"), QStringLiteral("2"),
                              QStringLiteral("--model"), model, QStringLiteral("--by-category")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Test Model 0.0.1 on ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("held-out impacts (2 items)")));
        QVERIFY(r.out.contains(QStringLiteral("CV offsets (-6 dB, x1.3 brightness, +5 st) (2 items)")));
        QCOMPARE(r.out.count(QStringLiteral("by category")), 3);
        QVERIFY(r.err.contains(QStringLiteral("6/6 renders"))); // progress
        const Run plain = runCli({QStringLiteral("eval"), QStringLiteral("--corpus"), dir, QStringLiteral("--count"), QStringLiteral("2"),
                                  QStringLiteral("--model"), model});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(!plain.out.contains(QStringLiteral("by category")));
        const Run seeded = runCli({QStringLiteral("eval"), QStringLiteral("--corpus"), dir, QStringLiteral("--count"), QStringLiteral("2"),
                                   QStringLiteral("--model"), model, QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(seeded.exitCode, 0);
        QVERIFY2(seeded.out.startsWith(QStringLiteral("Test Model 0.0.1 on ") + dir + QStringLiteral(", noise seed 7\n")),
                 qPrintable(seeded.out));
        QVERIFY(seeded.out.section(QLatin1Char('\n'), 1) != plain.out.section(QLatin1Char('\n'), 1)); // the model's noise moved

        // The first four impacts alone hold none out.
        const QString few = m_dir.filePath(QStringLiteral("eval-few"));
        QCOMPARE(runCli({QStringLiteral("corpus"), QStringLiteral("generate"), QStringLiteral("--count"), QStringLiteral("4"),
                         QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("-o"), few})
                     .exitCode,
                 0);
        const Run none = runCli({QStringLiteral("eval"), QStringLiteral("--corpus"), few, QStringLiteral("--model"), model});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("too few items to evaluate (0 held out, 4 for training)")), qPrintable(none.err));
        QCOMPARE(runCli({QStringLiteral("eval"), QStringLiteral("--count"), QStringLiteral("2")}).exitCode, 2); // no --corpus
        QCOMPARE(runCli({QStringLiteral("eval"), QStringLiteral("--corpus"), dir, QStringLiteral("--count"), QStringLiteral("1")}).exitCode, 2);
        const Run badSeed =
            runCli({QStringLiteral("eval"), QStringLiteral("--corpus"), dir, QStringLiteral("--seed"), QStringLiteral("x")});
        QCOMPARE(badSeed.exitCode, 2);
        QVERIFY2(badSeed.err.contains(QStringLiteral("a whole --seed")), qPrintable(badSeed.err));
    }

    void renderWithAModel()
    {
        const QString model = QStringLiteral(NEURORACK_BINARY_DIR "/test-models/valid.pt");
        const QString wav = m_dir.filePath(QStringLiteral("kick.wav"));
        const Run r = runCli({QStringLiteral("render"), m_factory, QStringLiteral("--slot"), QStringLiteral("0"), QStringLiteral("-o"), wav,
                              QStringLiteral("--model"), model, QStringLiteral("--set"), QStringLiteral("pitch=-12")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("\"Deep Kick\", 1.00 s, with Test Model")), qPrintable(r.out));
        const auto clip = AudioFile::read(wav);
        QVERIFY(clip.ok());
        QCOMPARE(clip->samples.size(), std::size_t(48000));

        const Run empty = runCli({QStringLiteral("render"), m_factory, QStringLiteral("--slot"), QStringLiteral("17"), QStringLiteral("-o"), wav,
                                  QStringLiteral("--model"), model});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(empty.err.contains(QStringLiteral("slot 17 is empty")));
        QCOMPARE(runCli({QStringLiteral("render"), m_factory, QStringLiteral("-o"), wav, QStringLiteral("--model"), model}).exitCode, 2);
        const Run badSet = runCli({QStringLiteral("render"), m_factory, QStringLiteral("--slot"), QStringLiteral("0"), QStringLiteral("-o"), wav,
                                   QStringLiteral("--model"), model, QStringLiteral("--set"), QStringLiteral("warmth=3")});
        QCOMPARE(badSet.exitCode, 2);
        const Run badModel = runCli({QStringLiteral("render"), m_factory, QStringLiteral("--slot"), QStringLiteral("0"), QStringLiteral("-o"), wav,
                                     QStringLiteral("--model"), QStringLiteral(NEURORACK_BINARY_DIR "/test-models/nan-output.pt")});
        QCOMPARE(badModel.exitCode, 1);
        QVERIFY(badModel.err.contains(QStringLiteral("produced NaN")));
        const Run info = runCli({QStringLiteral("model"), QStringLiteral("info"), QStringLiteral("--model"), model});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(info.out.contains(QStringLiteral("\"hop_length\": 240")));
    }

    void showListsThePresets()
    {
        const Run r = runCli({QStringLiteral("bank"), QStringLiteral("show"), m_factory});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("deep-kick")));
        QVERIFY(r.out.contains(QStringLiteral("CV3  morph_amount")));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
