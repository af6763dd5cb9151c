// SPDX-License-Identifier: GPL-3.0-or-later
// ModelEvaluation (`neurorack eval`): the nearest-neighbour baseline, the three sets,
// the per-category split and the errors for a broken corpus. The corpora are made of a
// few generated impacts under chosen ids, so that the held-out split is known.
#include "corpus/corpusgenerator.h"
#include "corpus/modelevaluation.h"
#include "engine/impactengine.h"
#include "io/documentfile.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace neurorack;

namespace {

// models/train.py and ModelEvaluation hold out an id when sha1(id)[0:8] < 5 % of 2³²:
// impact-00037 and impact-00062 are held out, impact-00000 … impact-00003 are not.
const QString kHeldOut[2] = {QStringLiteral("impact-00037"), QStringLiteral("impact-00062")};

struct Entry {
    QString id;
    int source; ///< which generated impact it is a copy of
    QString category;
};

} // namespace

class tst_Evaluation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ImpactEngine m_engine{ImpactEngine::Device::Cpu};

    /// A corpus folder whose index lists @p entries, each a copy of a generated impact.
    QString corpus(const QString &name, const QList<Entry> &entries)
    {
        const QDir dir(m_dir.filePath(name));
        if (!QDir().mkpath(dir.filePath(QStringLiteral("audio"))) || !QDir().mkpath(dir.filePath(QStringLiteral("descriptors"))))
            qFatal("cannot make a corpus folder");
        QCborArray items;
        for (const auto &e : entries) {
            const QString stem = QStringLiteral("impact-%1").arg(e.source, 5, 10, QLatin1Char('0'));
            const QString audio = QStringLiteral("audio/%1.wav").arg(e.id), descriptors = QStringLiteral("descriptors/%1.json").arg(e.id);
            if (!QFile::copy(m_dir.filePath(QStringLiteral("source/audio/%1.wav").arg(stem)), dir.filePath(audio))
                || !QFile::copy(m_dir.filePath(QStringLiteral("source/descriptors/%1.json").arg(stem)), dir.filePath(descriptors)))
                qFatal("cannot copy a generated impact");
            QCborMap parameters;
            if (!e.category.isEmpty())
                parameters.insert(QStringLiteral("category"), e.category);
            items.append(QCborMap{{QStringLiteral("id"), e.id},
                                  {QStringLiteral("audio"), audio},
                                  {QStringLiteral("descriptors"), descriptors},
                                  {QStringLiteral("parameters"), parameters}});
        }
        const QCborMap index{{QStringLiteral("format"), QStringLiteral("neurorack.corpus")},
                             {QStringLiteral("version"), 1},
                             {QStringLiteral("items"), items}};
        QFile f(dir.filePath(QStringLiteral("corpus.json")));
        if (!f.open(QIODevice::WriteOnly) || f.write(DocumentFile::serialize(index, Encoding::Json)) <= 0)
            qFatal("cannot write corpus.json");
        return dir.path();
    }

    /// Held out: two impacts (a bell and a kick); for training, an exact copy of each
    /// and two other impacts.
    QString withCopies(const QString &name)
    {
        return corpus(name, {{kHeldOut[0], 0, QStringLiteral("bell")},
                             {kHeldOut[1], 1, QStringLiteral("kick")},
                             {QStringLiteral("impact-00000"), 0, QStringLiteral("bell")},
                             {QStringLiteral("impact-00001"), 1, QStringLiteral("kick")},
                             {QStringLiteral("impact-00002"), 2, QString()},
                             {QStringLiteral("impact-00003"), 3, QString()}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(CorpusGenerator::generate(4, 3, m_dir.filePath(QStringLiteral("source")), 2, {}, nullptr), QString());
        const auto info = m_engine.load(QStringLiteral(NEURORACK_BINARY_DIR "/test-models/valid.pt"));
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
    }

    void baselineFindsAnExactCopy()
    {
        QString error;
        int calls = 0, last = 0;
        const auto rows = ModelEvaluation::run(m_engine, withCopies(QStringLiteral("copies")), 2, &error, [&](int done, int total) {
            ++calls;
            last = done;
            QCOMPARE(total, 6); // 2 items × 3 sets
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(calls, 6);
        QCOMPARE(last, 6);
        QCOMPARE(rows.size(), 3);
        for (const auto &row : rows) {
            QCOMPARE(row.model.items, 2);
            QCOMPARE(row.baseline.items, 2);
            QVERIFY(row.model.frames > 20);
            QCOMPARE(row.baseline.frames, row.model.frames);
            QVERIFY(std::isfinite(row.model.loudnessDb) && row.model.loudnessDb > 0.0);
        }
        // Each held-out impact has its exact copy among the training items: the baseline
        // picks it and reads no error at all.
        // (The corpus's curves are those of the audio before it was written as 24-bit
        // PCM, which moves the brightness of the quietest frames by a few tenths of a
        // per cent.)
        const DescriptorErrors &b = rows[0].baseline;
        QCOMPARE(b.voicingAgreement, 1.0);
        QCOMPARE(b.spectralDistance, 0.0);
        QVERIFY2(b.pitchCents < 0.1, qPrintable(QString::number(b.pitchCents)));
        QVERIFY2(b.brightnessRelative < 0.01, qPrintable(QString::number(b.brightnessRelative)));
        for (const double e : {b.loudnessDb, b.richnessRelative, b.noisiness, b.tonality, b.percussivity})
            QVERIFY2(e < 1e-3, qPrintable(QString::number(e)));
        const DescriptorErrors &m = rows[0].model;
        QVERIFY(m.loudnessDb > 1e-2 && m.brightnessRelative > 1e-2 && m.noisiness > 1e-2);
        QVERIFY(rows[0].model.spectralDistance > 1.0); // the test model's noise is not the recording
        // No corpus sound is 6 dB quieter than itself: the CV-offset baseline misses.
        QVERIFY2(rows[2].baseline.loudnessDb > 3.0, qPrintable(QString::number(rows[2].baseline.loudnessDb)));
        QCOMPARE(rows[2].model.spectralDistance, 0.0); // measured on held-out impacts only
    }

    void seedMovesTheModelNotTheBaseline()
    {
        QString error;
        const QString dir = withCopies(QStringLiteral("seeds"));
        const auto first = ModelEvaluation::run(m_engine, dir, 2, &error);
        const auto again = ModelEvaluation::run(m_engine, dir, 2, &error, {}, 0);
        const auto other = ModelEvaluation::run(m_engine, dir, 2, &error, {}, 7);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(other.size(), 3);
        const auto same = [](const DescriptorErrors &a, const DescriptorErrors &b) {
            return a.frames == b.frames && a.loudnessDb == b.loudnessDb && a.noisiness == b.noisiness
                && a.tonality == b.tonality && a.brightnessRelative == b.brightnessRelative
                && a.richnessRelative == b.richnessRelative && a.spectralDistance == b.spectralDistance;
        };
        for (int set = 0; set < 3; ++set) {
            QVERIFY(same(first[set].model, again[set].model)); // the default seed is 0, and renders repeat
            QVERIFY(same(first[set].baseline, other[set].baseline)); // corpus sounds have no seed
            // The test model's noise differs with the seed, and so do the errors it reads.
            QVERIFY(!same(first[set].model, other[set].model));
        }
    }

    void categoriesSplitTheFrames()
    {
        QString error;
        const auto rows = ModelEvaluation::run(m_engine, withCopies(QStringLiteral("categories")), 2, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const auto &row : rows) {
            QCOMPARE(row.categories.size(), 2);
            QCOMPARE(row.categories[0].category, QStringLiteral("bell")); // by name
            QCOMPARE(row.categories[1].category, QStringLiteral("kick"));
            int frames = 0;
            double tonality = 0.0, loudness = 0.0;
            for (const auto &c : row.categories) {
                QCOMPARE(c.model.items, 1);
                frames += c.model.frames;
                tonality += c.model.tonality * c.model.frames;
                loudness += c.baseline.loudnessDb * c.baseline.frames;
            }
            QCOMPARE(frames, row.model.frames);
            QVERIFY(std::abs(tonality / frames - row.model.tonality) < 1e-9);
            QVERIFY(std::abs(loudness / frames - row.baseline.loudnessDb) < 1e-9);
        }

        const QString text = ModelEvaluation::format(rows, true);
        QCOMPARE(text.count(QStringLiteral("by category")), 3);
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\n  bell +1 +\\d+ "))), qPrintable(text));
        QVERIFY(!ModelEvaluation::format(rows).contains(QStringLiteral("by category")));

        // Items without a category count as "other".
        const auto plain = ModelEvaluation::run(m_engine,
                                                corpus(QStringLiteral("plain"), {{kHeldOut[0], 2, QString()},
                                                                                 {kHeldOut[1], 3, QString()},
                                                                                 {QStringLiteral("impact-00000"), 0, QString()}}),
                                                2, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(plain[0].categories.size(), 1);
        QCOMPARE(plain[0].categories[0].category, QStringLiteral("other"));
        QCOMPARE(plain[0].categories[0].model.items, 2);
    }

    void brokenCorporaAreReported()
    {
        QString error;
        // The baseline's pick has lost its audio: named, not read as silence.
        const QString lost = withCopies(QStringLiteral("lost-audio"));
        QVERIFY(QFile::remove(lost + QStringLiteral("/audio/impact-00000.wav")));
        QVERIFY(ModelEvaluation::run(m_engine, lost, 2, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("impact-00000.wav")), qPrintable(error));

        error.clear();
        const QString noCurves = withCopies(QStringLiteral("lost-curves"));
        QVERIFY(QFile::remove(noCurves + QStringLiteral("/descriptors/impact-00002.json")));
        QVERIFY(ModelEvaluation::run(m_engine, noCurves, 2, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("impact-00002.json")), qPrintable(error));

        error.clear();
        const QString bad = withCopies(QStringLiteral("bad-curves"));
        QFile f(bad + QStringLiteral("/descriptors/impact-00003.json"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"frames\": 12, \"descriptors\": ");
        f.close();
        QVERIFY(ModelEvaluation::run(m_engine, bad, 2, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("impact-00003.json")), qPrintable(error));

        error.clear();
        const QString oneHeldOut = corpus(QStringLiteral("one-held-out"), {{kHeldOut[0], 0, QString()}, {QStringLiteral("impact-00000"), 1, QString()}});
        QVERIFY(ModelEvaluation::run(m_engine, oneHeldOut, 2, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("too few items to evaluate (1 held out, 1 for training)")), qPrintable(error));

        error.clear();
        QVERIFY(ModelEvaluation::run(m_engine, m_dir.filePath(QStringLiteral("nowhere")), 2, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("corpus.json")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_Evaluation)
#include "tst_evaluation.moc"
