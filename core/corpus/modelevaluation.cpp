// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelevaluation.h"

#include "analysis/descriptoranalyzer.h"
#include "analysis/realfft.h"
#include "audio/audiofile.h"
#include "io/documentfile.h"
#include "model/framegrid.h"

#include <QCborArray>
#include <QCborMap>
#include <QCryptographicHash>
#include <QDir>

#include <cmath>
#include <map>
#include <numbers>

namespace neurorack {

namespace {

struct CorpusItem {
    QString id;
    QString category;
    QString audioPath;
    std::vector<float> audio;
    DescriptorCurves curves;
};

/// The held-out split of models/train.py: sha1(name)[0:8] below 5 % of 0xFFFFFFFF.
bool isHeldOut(const QString &name)
{
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return hash.toULongLong(nullptr, 16) < 0.05 * 0xFFFFFFFFu;
}

DescriptorCurves curvesFromAnalysis(const QCborMap &doc)
{
    const QCborMap descriptors = doc.value(QStringLiteral("descriptors")).toMap();
    const int frames = int(doc.value(QStringLiteral("frames")).toInteger());
    DescriptorCurves c(frames);
    for (const auto id : kAllDescriptors) {
        const QCborArray values = descriptors.value(descriptor(id).keyString()).toArray();
        for (int i = 0; i < frames && i < values.size(); ++i)
            c.setValue(id, i, values.at(i).isNull() ? DescriptorCurves::kUnvoiced : float(values.at(i).toDouble()));
    }
    return c;
}

/// Distance between curve sets, on slider positions, over the shorter length.
double curveDistance(const DescriptorCurves &a, const DescriptorCurves &b)
{
    const DescriptorCurves rb = b.resampled(a.frameCount());
    double sum = 0.0;
    for (const auto id : kAllDescriptors) {
        const auto &info = descriptor(id);
        for (int i = 0; i < a.frameCount(); ++i) {
            const float x = a.value(id, i), y = rb.value(id, i);
            if (std::isnan(x) != std::isnan(y))
                sum += 0.5;
            else if (!std::isnan(x))
                sum += std::abs(info.toNormalized(x) - info.toNormalized(y));
        }
    }
    return sum / (a.frameCount() * kDescriptorCount);
}

struct Accumulator {
    double sums[9] = {};
    int counts[9] = {};
    int items = 0;
    int frames = 0;
    void add(int k, double v)
    {
        if (std::isfinite(v)) {
            sums[k] += v;
            ++counts[k];
        }
    }
    void merge(const Accumulator &other)
    {
        for (int k = 0; k < 9; ++k) {
            sums[k] += other.sums[k];
            counts[k] += other.counts[k];
        }
        items += other.items;
        frames += other.frames;
    }
    DescriptorErrors result() const
    {
        auto mean = [&](int k) { return counts[k] ? sums[k] / counts[k] : 0.0; };
        return {mean(0), mean(1), mean(2), mean(3), mean(4), mean(5), mean(6), mean(7), mean(8), items, frames};
    }
};

void compare(const DescriptorCurves &target, const DescriptorCurves &measured, Accumulator &acc)
{
    const DescriptorCurves m = measured.resampled(target.frameCount());
    ++acc.items;
    for (int i = 0; i < target.frameCount(); ++i) {
        if (target.value(DescriptorId::Loudness, i) <= -60.0f)
            continue;
        ++acc.frames;
        acc.add(0, std::abs(m.value(DescriptorId::Loudness, i) - target.value(DescriptorId::Loudness, i)));
        const bool vt = target.isVoiced(i), vm = m.isVoiced(i);
        acc.add(2, vt == vm ? 1.0 : 0.0);
        if (vt && vm)
            acc.add(1, std::abs(convert::centsBetween(target.value(DescriptorId::Pitch, i), m.value(DescriptorId::Pitch, i))));
        const double c = target.value(DescriptorId::Brightness, i), s = target.value(DescriptorId::Richness, i);
        if (c > 1.0)
            acc.add(3, std::abs(m.value(DescriptorId::Brightness, i) - c) / c);
        if (s > 1.0)
            acc.add(4, std::abs(m.value(DescriptorId::Richness, i) - s) / s);
        acc.add(5, std::abs(m.value(DescriptorId::Noisiness, i) - target.value(DescriptorId::Noisiness, i)));
        acc.add(6, std::abs(m.value(DescriptorId::Tonality, i) - target.value(DescriptorId::Tonality, i)));
        acc.add(7, std::abs(m.value(DescriptorId::Percussivity, i) - target.value(DescriptorId::Percussivity, i)));
    }
}

/// Mean absolute difference of log magnitudes (dB) over STFTs of 2048, 512 and 128.
double spectralDistance(const std::vector<float> &a, const std::vector<float> &b)
{
    double total = 0.0;
    for (const int n : {2048, 512, 128}) {
        RealFft fft(n);
        const std::vector<float> window = hannWindow(n);
        const std::size_t hop = std::size_t(n / 4);
        const std::size_t length = std::min(a.size(), b.size());
        double sum = 0.0;
        std::size_t cells = 0;
        std::vector<float> ma(std::size_t(n / 2 + 1));
        for (std::size_t start = 0; start + std::size_t(n) <= length; start += hop) {
            for (int pass = 0; pass < 2; ++pass) {
                const auto &x = pass == 0 ? a : b;
                auto in = fft.input();
                for (int i = 0; i < n; ++i)
                    in[std::size_t(i)] = x[start + std::size_t(i)] * window[std::size_t(i)];
                fft.forward();
                const auto s = fft.spectrum();
                for (std::size_t k = 0; k < s.size(); ++k) {
                    const float db = 20.0f * std::log10(std::abs(s[k]) + 1e-5f);
                    if (pass == 0) {
                        ma[k] = db;
                    } else {
                        sum += std::abs(db - ma[k]);
                        ++cells;
                    }
                }
            }
        }
        total += cells ? sum / double(cells) : 0.0;
    }
    return total / 3.0;
}

/// One set's errors per category: model/baseline in each cell, '*' where the baseline is
/// better. Morphs count under their first impact's category.
QString formatCategories(const EvaluationRow &row)
{
    struct Column {
        const char *title;
        double DescriptorErrors::*error;
        int decimals;
        double scale;
    };
    const Column columns[] = {{"loudness dB", &DescriptorErrors::loudnessDb, 2, 1.0},
                              {"pitch cents", &DescriptorErrors::pitchCents, 0, 1.0},
                              {"brightness %", &DescriptorErrors::brightnessRelative, 1, 100.0},
                              {"richness %", &DescriptorErrors::richnessRelative, 1, 100.0},
                              {"noisiness", &DescriptorErrors::noisiness, 3, 1.0},
                              {"tonality", &DescriptorErrors::tonality, 3, 1.0},
                              {"percussivity", &DescriptorErrors::percussivity, 3, 1.0}};
    QString text = QStringLiteral("  by category (model/baseline, * baseline better; morphs under their first impact)\n");
    text += QStringLiteral("  %1 %2 %3").arg(QStringLiteral("category"), -10).arg(QStringLiteral("items"), 5).arg(QStringLiteral("frames"), 6);
    for (const auto &c : columns)
        text += QStringLiteral(" %1").arg(QLatin1String(c.title), 14);
    text += QLatin1Char('\n');
    for (const auto &category : row.categories) {
        text += QStringLiteral("  %1 %2 %3").arg(category.category, -10).arg(category.model.items, 5).arg(category.model.frames, 6);
        for (const auto &c : columns) {
            const double m = category.model.*c.error, b = category.baseline.*c.error;
            const QString cell = QStringLiteral("%1/%2%3")
                                     .arg(m * c.scale, 0, 'f', c.decimals)
                                     .arg(b * c.scale, 0, 'f', c.decimals)
                                     .arg(b < m ? QStringLiteral("*") : QStringLiteral(" "));
            text += QStringLiteral(" %1").arg(cell, 14);
        }
        text += QLatin1Char('\n');
    }
    return text + QLatin1Char('\n');
}

} // namespace

QList<EvaluationRow> ModelEvaluation::run(ImpactEngine &engine, const QString &corpusPath, int count, QString *error,
                                          const std::function<void(int, int)> &progress, quint64 seed)
{
    const QDir dir(corpusPath);
    const auto indexBytes = DocumentFile::readFile(dir.filePath(QStringLiteral("corpus.json")));
    if (!indexBytes) {
        *error = indexBytes.errorString();
        return {};
    }
    const auto index = DocumentFile::parse(*indexBytes);
    if (!index) {
        *error = QStringLiteral("%1: %2").arg(dir.filePath(QStringLiteral("corpus.json")), index.errorString());
        return {};
    }
    std::vector<CorpusItem> training, heldOut;
    for (const QCborValue &entry : index->toMap().value(QStringLiteral("items")).toArray()) {
        const QCborMap item = entry.toMap();
        const QString id = item.value(QStringLiteral("id")).toString();
        const bool held = isHeldOut(id);
        if (held && int(heldOut.size()) >= count)
            continue;
        const QString analysisPath = dir.filePath(item.value(QStringLiteral("descriptors")).toString());
        const auto analysisBytes = DocumentFile::readFile(analysisPath);
        if (!analysisBytes) {
            *error = analysisBytes.errorString();
            return {};
        }
        const auto analysis = DocumentFile::parse(*analysisBytes);
        if (!analysis) {
            *error = QStringLiteral("%1: %2").arg(analysisPath, analysis.errorString());
            return {};
        }
        QString category = item.value(QStringLiteral("parameters")).toMap().value(QStringLiteral("category")).toString();
        if (category.isEmpty())
            category = QStringLiteral("other");
        CorpusItem c{id, category, dir.filePath(item.value(QStringLiteral("audio")).toString()), {}, curvesFromAnalysis(analysis->toMap())};
        if (held) {
            auto clip = AudioFile::read(c.audioPath);
            if (!clip) {
                *error = clip.errorString();
                return {};
            }
            c.audio = std::move(clip).value().samples;
            heldOut.push_back(std::move(c));
        } else {
            training.push_back(std::move(c));
        }
    }
    if (heldOut.size() < 2 || training.empty()) {
        *error = QStringLiteral("%1: too few items to evaluate (%2 held out, %3 for training)")
                     .arg(corpusPath).arg(heldOut.size()).arg(training.size());
        return {};
    }

    // The baseline's sounds are only needed for the training items it picks: load lazily.
    auto nearest = [&](const DescriptorCurves &target) -> const CorpusItem * {
        std::size_t best = 0;
        double bestDistance = 1e300;
        for (std::size_t i = 0; i < training.size(); ++i) {
            const double d = curveDistance(target, training[i].curves);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        CorpusItem &item = training[best];
        if (item.audio.empty()) {
            auto clip = AudioFile::read(item.audioPath);
            if (!clip) {
                *error = clip.errorString();
                return nullptr;
            }
            item.audio = std::move(clip).value().samples;
        }
        return &item;
    };

    DescriptorAnalyzer analyzer;
    Accumulator model[3], baseline[3];
    std::map<QString, std::pair<Accumulator, Accumulator>> byCategory[3]; // model, baseline
    const int total = int(heldOut.size()) * 3;
    int done = 0;
    for (std::size_t i = 0; i < heldOut.size(); ++i) {
        const CorpusItem &item = heldOut[i];
        const CorpusItem &other = heldOut[(i + 1) % heldOut.size()];
        DescriptorCurves offset = item.curves;
        offset.applyOffsetScale(DescriptorId::Loudness, -6.0, 1.0);
        offset.applyOffsetScale(DescriptorId::Brightness, 0.0, 1.3);
        offset.applyOffsetScale(DescriptorId::Pitch, 5.0, 1.0);
        const DescriptorCurves targets[3] = {item.curves, DescriptorCurves::morph(item.curves, other.curves, 0.5), offset};
        for (int set = 0; set < 3; ++set) {
            const auto audio = engine.render(targets[set], seed);
            if (!audio) {
                *error = audio.errorString();
                return {};
            }
            Accumulator m, b;
            compare(targets[set], analyzer.analyze(*audio), m);
            const CorpusItem *near = nearest(targets[set]);
            if (!near)
                return {};
            compare(targets[set], analyzer.analyze(near->audio), b);
            if (set == 0) {
                m.add(8, spectralDistance(*audio, item.audio));
                b.add(8, spectralDistance(near->audio, item.audio));
            }
            model[set].merge(m);
            baseline[set].merge(b);
            auto &category = byCategory[set][item.category];
            category.first.merge(m);
            category.second.merge(b);
            if (progress)
                progress(++done, total);
        }
    }
    const QString names[3] = {QStringLiteral("held-out impacts"), QStringLiteral("morphs of two impacts"),
                              QStringLiteral("CV offsets (-6 dB, x1.3 brightness, +5 st)")};
    QList<EvaluationRow> rows;
    for (int set = 0; set < 3; ++set) {
        EvaluationRow row{names[set], model[set].result(), baseline[set].result(), {}};
        for (const auto &[name, acc] : byCategory[set])
            row.categories.append({name, acc.first.result(), acc.second.result()});
        rows.append(row);
    }
    return rows;
}

QString ModelEvaluation::format(const QList<EvaluationRow> &rows, bool byCategory)
{
    QString text;
    auto line = [&](const char *what, const char *target, double m, double b, int decimals, double scale = 1.0) {
        text += QStringLiteral("  %1 %2 %3 %4  %5\n")
                    .arg(QLatin1String(what), -22)
                    .arg(m * scale, 9, 'f', decimals)
                    .arg(b * scale, 9, 'f', decimals)
                    .arg(QLatin1String(target), -10)
                    .arg(m < b ? QStringLiteral("model better") : QStringLiteral("BASELINE better"));
    };
    for (const auto &row : rows) {
        text += QStringLiteral("%1 (%2 items)\n  %3     model  baseline  target\n").arg(row.set).arg(row.model.items).arg(QString(), -22);
        line("loudness (dB)", "<= 1.5", row.model.loudnessDb, row.baseline.loudnessDb, 2);
        line("pitch (cents)", "<= 30", row.model.pitchCents, row.baseline.pitchCents, 1);
        line("voicing disagreement (%)", "", 1.0 - row.model.voicingAgreement, 1.0 - row.baseline.voicingAgreement, 1, 100.0);
        line("brightness (%)", "<= 10", row.model.brightnessRelative, row.baseline.brightnessRelative, 1, 100.0);
        line("richness (%)", "<= 10", row.model.richnessRelative, row.baseline.richnessRelative, 1, 100.0);
        line("noisiness", "<= 0.08", row.model.noisiness, row.baseline.noisiness, 3);
        line("tonality", "<= 0.08", row.model.tonality, row.baseline.tonality, 3);
        line("percussivity", "<= 0.08", row.model.percussivity, row.baseline.percussivity, 3);
        if (row.model.spectralDistance > 0.0)
            line("spectral distance (dB)", "", row.model.spectralDistance, row.baseline.spectralDistance, 2);
        text += QLatin1Char('\n');
        if (byCategory && !row.categories.isEmpty())
            text += formatCategories(row);
    }
    return text;
}

} // namespace neurorack
