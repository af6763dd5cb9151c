// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpusgenerator.h"

#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "io/analysisdocument.h"
#include "io/documentfile.h"
#include "io/jsonwriter.h"
#include "model/framegrid.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

namespace neurorack {

namespace {

QCborMap encodeParameters(const ImpactParameters &p)
{
    return QCborMap{{QStringLiteral("category"), p.category},
                    {QStringLiteral("body"), ImpactSynthesizer::bodyKey(p.body)},
                    {QStringLiteral("fundamental_hz"), p.fundamentalHz},
                    {QStringLiteral("glide_ratio"), p.glideRatio},
                    {QStringLiteral("glide_seconds"), p.glideSeconds},
                    {QStringLiteral("decay_seconds"), p.decaySeconds},
                    {QStringLiteral("damping"), p.damping},
                    {QStringLiteral("hardness"), p.hardness},
                    {QStringLiteral("strike_position"), p.strikePosition},
                    {QStringLiteral("inharmonicity"), p.inharmonicity},
                    {QStringLiteral("noise_level"), p.noiseLevel},
                    {QStringLiteral("noise_decay_seconds"), p.noiseDecaySeconds},
                    {QStringLiteral("noise_centre_hz"), p.noiseCentreHz},
                    {QStringLiteral("noise_bandwidth_octaves"), p.noiseBandwidthOctaves},
                    {QStringLiteral("noise_bursts"), p.noiseBursts},
                    {QStringLiteral("body_hz"), p.bodyHz},
                    {QStringLiteral("body_gain_db"), p.bodyGainDb},
                    {QStringLiteral("room"), p.room},
                    {QStringLiteral("duration_seconds"), p.durationSeconds},
                    {QStringLiteral("peak_dbfs"), p.peakDbfs}};
}

double percentile(std::vector<float> &values, double q)
{
    if (values.empty())
        return 0.0;
    const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * double(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

} // namespace

CorpusGenerator::Item CorpusGenerator::item(quint32 seed, int index)
{
    // Each item has its own generator, seeded from (seed, index): independent of order,
    // of the number of threads, and of how many items come before it.
    std::seed_seq sequence{seed, static_cast<quint32>(index), 0x4e52u};
    std::mt19937 rng(sequence);
    Item item;
    item.id = QStringLiteral("impact-%1").arg(index, 5, 10, QLatin1Char('0'));
    item.parameters = ImpactSynthesizer::randomParameters(rng);
    item.renderSeed = static_cast<quint32>(rng());
    return item;
}

QString CorpusGenerator::generate(int count, quint32 seed, const QString &folder, int jobs,
                                  const std::function<void(int, int)> &progress, CorpusCoverage *coverage)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("audio")) || !dir.mkpath(QStringLiteral("descriptors")))
        return QStringLiteral("%1: cannot create the corpus folders").arg(folder);

    std::vector<Item> items(static_cast<std::size_t>(count));
    std::array<std::vector<float>, kDescriptorCount> values; // audible frames, for the coverage
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> stop{false}; // set on the first error: the other workers stop too
    std::mutex mutex;
    QString firstError;

    auto worker = [&] {
        DescriptorAnalyzer analyzer;
        for (int i = next++; i < count && !stop; i = next++) {
            Item it = item(seed, i);
            const std::vector<float> audio = ImpactSynthesizer::render(it.parameters, it.renderSeed);
            const DescriptorCurves curves = analyzer.analyze(audio);
            QString error = AudioFile::write(dir.filePath(QStringLiteral("audio/%1.wav").arg(it.id)), audio, SampleFormat::Pcm24);
            if (error.isEmpty()) {
                const double duration = double(audio.size()) / grid::kSampleRate;
                error = DocumentFile::writeFileAtomically(dir.filePath(QStringLiteral("descriptors/%1.json").arg(it.id)),
                                                          JsonWriter::write(AnalysisDocument::encode(curves, duration)));
            }
            const std::lock_guard lock(mutex);
            if (!error.isEmpty()) {
                if (firstError.isEmpty())
                    firstError = error;
                stop = true;
                return;
            }
            for (int f = 0; f < curves.frameCount(); ++f) {
                if (curves.value(DescriptorId::Loudness, f) <= -60.0f)
                    continue;
                for (const auto id : kAllDescriptors) {
                    const float v = curves.value(id, f);
                    if (!std::isnan(v))
                        values[std::size_t(id)].push_back(v);
                }
            }
            items[std::size_t(i)] = std::move(it);
            ++done;
        }
    };

    std::vector<std::thread> threads;
    for (int j = 0; j < std::max(1, jobs); ++j)
        threads.emplace_back(worker);
    int reported = -1;
    while (done.load() < count && !stop) {
        if (done.load() != reported && progress)
            progress(reported = done.load(), count);
        {
            const std::lock_guard lock(mutex);
            if (!firstError.isEmpty())
                break;
        }
        QThread::msleep(50);
    }
    for (auto &t : threads)
        t.join();
    if (!firstError.isEmpty())
        return firstError;
    if (progress)
        progress(count, count);

    QCborArray index;
    for (const Item &it : items) {
        index.append(QCborMap{{QStringLiteral("id"), it.id},
                              {QStringLiteral("audio"), QStringLiteral("audio/%1.wav").arg(it.id)},
                              {QStringLiteral("descriptors"), QStringLiteral("descriptors/%1.json").arg(it.id)},
                              {QStringLiteral("render_seed"), qint64(it.renderSeed)},
                              {QStringLiteral("parameters"), encodeParameters(it.parameters)}});
    }
    const QCborMap corpus{{QStringLiteral("format"), QStringLiteral("neurorack.corpus")},
                          {QStringLiteral("version"), 1},
                          {QStringLiteral("seed"), qint64(seed)},
                          {QStringLiteral("count"), count},
                          {QStringLiteral("items"), index}};
    if (const QString error = DocumentFile::writeFileAtomically(dir.filePath(QStringLiteral("corpus.json")), JsonWriter::write(corpus));
        !error.isEmpty())
        return error;

    CorpusCoverage result{};
    for (const auto id : kAllDescriptors) {
        auto &v = values[std::size_t(id)];
        DescriptorCoverage &c = result[std::size_t(id)];
        c.frames = qint64(v.size());
        if (v.empty())
            continue;
        const auto &info = descriptor(id);
        std::array<qint64, DescriptorCoverage::kBins> bins{};
        for (const float x : v)
            ++bins[std::size_t(std::min(DescriptorCoverage::kBins - 1, int(info.toNormalized(x) * DescriptorCoverage::kBins)))];
        c.binsCovered = double(std::count_if(bins.begin(), bins.end(), [&](qint64 n) { return n * 1000 >= c.frames; }))
            / DescriptorCoverage::kBins;
        c.minimum = *std::min_element(v.begin(), v.end());
        c.maximum = *std::max_element(v.begin(), v.end());
        c.p5 = percentile(v, 0.05);
        c.median = percentile(v, 0.5);
        c.p95 = percentile(v, 0.95);
    }
    if (const QString error = DocumentFile::writeFileAtomically(dir.filePath(QStringLiteral("coverage.txt")), formatCoverage(result).toUtf8());
        !error.isEmpty())
        return error;
    if (coverage)
        *coverage = result;
    return {};
}

QString CorpusGenerator::formatCoverage(const CorpusCoverage &coverage)
{
    QString text = QStringLiteral("descriptor    unit       min       p5   median      p95      max   range covered   frames\n");
    for (const auto id : kAllDescriptors) {
        const auto &c = coverage[std::size_t(id)];
        const auto &info = descriptor(id);
        const int decimals = info.unit[0] == '\0' ? 3 : info.id == DescriptorId::Loudness ? 1 : 0;
        text += info.keyString().leftJustified(13) + AnalysisDocument::unitOf(id).leftJustified(6);
        for (const double v : {c.minimum, c.p5, c.median, c.p95, c.maximum})
            text += QString::number(v, 'f', decimals).rightJustified(9);
        text += QStringLiteral("%1 %").arg(c.binsCovered * 100.0, 13, 'f', 0) + QString::number(c.frames).rightJustified(9)
            + QLatin1Char('\n');
    }
    text += QStringLiteral("(audible frames, louder than -60 LUFS; pitch over voiced frames; \"range covered\": share of the "
                           "descriptor's range, in %1 slider bins, holding at least 0.1 % of the frames)\n")
                .arg(DescriptorCoverage::kBins);
    return text;
}

} // namespace neurorack
