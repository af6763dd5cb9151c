// SPDX-License-Identifier: GPL-3.0-or-later
// The impact synthesizer and the corpus generator: determinism, levels, physical
// plausibility measured by the analyzer, the corpus layout on disk, and the factory
// bank's agreement with its recipes.
#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "corpus/corpusgenerator.h"
#include "corpus/factoryrecipes.h"
#include "io/documentfile.h"
#include "model/factory.h"
#include "model/framegrid.h"

#include <QCborArray>
#include <QCborMap>
#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace neurorack;

namespace {

double medianPitch(const DescriptorCurves &c)
{
    std::vector<float> v;
    for (int i = 0; i < c.frameCount(); ++i) {
        if (c.isVoiced(i))
            v.push_back(c.value(DescriptorId::Pitch, i));
    }
    if (v.empty())
        return 0.0;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_Corpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renderIsDeterministicAndLevelled()
    {
        std::mt19937 rng(5);
        const ImpactParameters p = ImpactSynthesizer::categoryParameters(QStringLiteral("snare"), rng);
        const auto a = ImpactSynthesizer::render(p, 42);
        const auto b = ImpactSynthesizer::render(p, 42);
        const auto c = ImpactSynthesizer::render(p, 43);
        QCOMPARE(a, b);
        QVERIFY(a != c); // the noise follows the seed
        QCOMPARE(a.size(), static_cast<std::size_t>(p.durationSeconds * grid::kSampleRate));
        float peak = 0.0f;
        double mean = 0.0;
        for (const float v : a) {
            QVERIFY(std::isfinite(v));
            peak = std::max(peak, std::abs(v));
            mean += v;
        }
        QVERIFY(std::abs(20.0 * std::log10(peak) - p.peakDbfs) < 0.01);
        QVERIFY(std::abs(mean / double(a.size())) < 1e-3); // no DC offset to speak of
    }

    void everyCategorySoundsLikeItself_data()
    {
        QTest::addColumn<QString>("category");
        for (const QString &c : ImpactSynthesizer::categories())
            QTest::addRow("%s", qPrintable(c)) << c;
    }
    void everyCategorySoundsLikeItself()
    {
        QFETCH(QString, category);
        DescriptorAnalyzer analyzer;
        std::mt19937 rng(11);
        for (int n = 0; n < 5; ++n) {
            const ImpactParameters p = ImpactSynthesizer::categoryParameters(category, rng);
            QCOMPARE(p.category, category);
            const auto audio = ImpactSynthesizer::render(p, quint32(n));
            const auto curves = analyzer.analyze(audio);
            // It starts loud and decays: the loudest frame is in the first 100 ms.
            const auto loud = curves.curve(DescriptorId::Loudness);
            const auto peak = std::max_element(loud.begin(), loud.end());
            QVERIFY2(peak - loud.begin() < 20, qPrintable(p.summary()));
            QVERIFY2(loud.back() < *peak - 20.0f, qPrintable(p.summary()));
            // Tonal bodies are heard at their fundamental (a bell at its hum, an octave below).
            const bool tonal = category == QLatin1String("marimba") || category == QLatin1String("tom")
                || category == QLatin1String("metal") || category == QLatin1String("glass");
            if (tonal) {
                const double pitch = medianPitch(curves);
                QVERIFY2(std::abs(pitch / p.fundamentalHz - 1.0) < 0.05,
                         qPrintable(QStringLiteral("%1 → %2 Hz").arg(p.summary()).arg(pitch)));
            }
            const bool noisy = category == QLatin1String("hat") || category == QLatin1String("clap");
            if (noisy) {
                double noise = 0.0;
                for (int i = 0; i < 10; ++i)
                    noise += curves.value(DescriptorId::Noisiness, i) / 10.0;
                QVERIFY2(noise > 0.2, qPrintable(QStringLiteral("%1 → noisiness %2").arg(p.summary()).arg(noise)));
            }
        }
    }

    void itemsDependOnlyOnSeedAndIndex()
    {
        const auto a = CorpusGenerator::item(7, 12);
        const auto b = CorpusGenerator::item(7, 12);
        QCOMPARE(a.id, QStringLiteral("impact-00012"));
        QCOMPARE(a.renderSeed, b.renderSeed);
        QCOMPARE(a.parameters.summary(), b.parameters.summary());
        QVERIFY(CorpusGenerator::item(8, 12).renderSeed != a.renderSeed);
        QVERIFY(CorpusGenerator::item(7, 13).renderSeed != a.renderSeed);
    }

    void generatesACorpusOnDisk()
    {
        QTemporaryDir one, two;
        CorpusCoverage coverage{};
        int calls = 0;
        QCOMPARE(CorpusGenerator::generate(8, 3, one.path(), 2, [&](int, int) { ++calls; }, &coverage), QString());
        QVERIFY(calls > 0);
        QCOMPARE(CorpusGenerator::generate(8, 3, two.path(), 1, {}, nullptr), QString());

        const auto index = DocumentFile::parse(*DocumentFile::readFile(one.filePath(QStringLiteral("corpus.json"))));
        QVERIFY(index.ok());
        const QCborArray items = index->toMap().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 8);
        for (const auto &entry : items) {
            const QCborMap item = entry.toMap();
            const QString audio = one.filePath(item.value(QStringLiteral("audio")).toString());
            const QString descriptors = one.filePath(item.value(QStringLiteral("descriptors")).toString());
            const auto clip = AudioFile::read(audio);
            QVERIFY2(clip.ok(), qPrintable(clip.errorString()));
            const auto analysis = DocumentFile::parse(*DocumentFile::readFile(descriptors));
            QVERIFY(analysis.ok());
            QCOMPARE(analysis->toMap().value(QStringLiteral("frames")).toInteger(),
                     qint64(DescriptorAnalyzer::frameCountFor(clip->samples.size())));
            // Deterministic whatever the number of threads: byte-identical files.
            const QString relative = item.value(QStringLiteral("audio")).toString();
            QCOMPARE(hashOf(audio), hashOf(two.filePath(relative)));
        }
        QCOMPARE(hashOf(one.filePath(QStringLiteral("corpus.json"))), hashOf(two.filePath(QStringLiteral("corpus.json"))));
        QVERIFY(QFile::exists(one.filePath(QStringLiteral("coverage.txt"))));
        QVERIFY(coverage[std::size_t(DescriptorId::Loudness)].frames > 100);
        QVERIFY(coverage[std::size_t(DescriptorId::Loudness)].binsCovered > 0.2);
        QVERIFY(CorpusGenerator::formatCoverage(coverage).contains(QStringLiteral("brightness")));
    }

    void stopsAtTheFirstError()
    {
        QTemporaryDir dir;
        // A folder where the first WAV should go: that write fails, and so does the run.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("audio/impact-00000.wav")));
        const QString error = CorpusGenerator::generate(200, 1, dir.path(), 2, {}, nullptr);
        QVERIFY2(error.contains(QStringLiteral("impact-00000.wav")), qPrintable(error));
        QVERIFY(QDir(dir.filePath(QStringLiteral("audio"))).entryList(QDir::Files).size() < 20); // not all 199 others
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("corpus.json"))));
    }

    void factoryBankMatchesItsRecipes()
    {
        // core/resources/factory-bank.json is `neurorack corpus factory-bank`'s output: if
        // the analyzer or the synthesizer change, regenerate it (README, "Factory bank").
        const auto shipped = Factory::bank();
        QVERIFY(shipped.ok());
        const Bank rebuilt = FactoryRecipes::buildBank(shipped->mapping());
        QCOMPARE(rebuilt.filledSlots(), shipped->filledSlots());
        for (const int slot : rebuilt.filledSlots()) {
            const Preset &a = *rebuilt.preset(slot);
            const Preset &b = *shipped->preset(slot);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.curves.frameCount(), b.curves.frameCount());
            int voicingDiffers = 0;
            for (const auto id : kAllDescriptors) {
                for (int i = 0; i < a.curves.frameCount(); ++i) {
                    const float x = a.curves.value(id, i);
                    const float y = b.curves.value(id, i);
                    if (std::isnan(x) || std::isnan(y)) {
                        voicingDiffers += std::isnan(x) != std::isnan(y) ? 1 : 0;
                        continue;
                    }
                    QVERIFY2(std::abs(x - y) <= 1e-3f * std::max(1.0f, std::abs(y)),
                             qPrintable(QStringLiteral("%1 %2[%3]: %4 vs %5").arg(a.id, descriptor(id).keyString()).arg(i).arg(x).arg(y)));
                }
            }
            QVERIFY2(voicingDiffers <= a.curves.frameCount() / 100, qPrintable(a.id));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Corpus)
#include "tst_corpus.moc"
