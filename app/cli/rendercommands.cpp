// SPDX-License-Identifier: GPL-3.0-or-later
#include "rendercommands.h"

#include "cli.h"
#include "commandparser.h"

#include "audio/audiofile.h"
#include "corpus/modelevaluation.h"
#include "engine/impactengine.h"
#include "io/documentcodec.h"
#include "io/documentfile.h"

#include <QJsonDocument>

#include <cmath>

namespace neurorack::cli {

namespace {

const QCommandLineOption kModelOption(QStringLiteral("model"),
                                      QStringLiteral("The model file (default: the shipped model, or $NEURORACK_MODEL)."),
                                      QStringLiteral("FILE"));

std::optional<ModelInfo> loadModel(ImpactEngine &engine, const QCommandLineParser &parser, Io &io)
{
    const QString path = parser.isSet(kModelOption) ? parser.value(kModelOption) : ImpactEngine::defaultModelPath();
    if (path.isEmpty()) {
        io.err << "no model found: pass --model FILE or set NEURORACK_MODEL (the shipped model is models/neurorack-impact.pt)\n";
        return std::nullopt;
    }
    const auto info = engine.load(path);
    if (!info) {
        io.err << info.errorString() << '\n';
        return std::nullopt;
    }
    return *info;
}

/// "loudness=-6" → the loudness curve shifted by −6 dB (the descriptor's control unit).
bool applySet(DescriptorCurves &curves, const QString &assignment, Io &io)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    const auto id = descriptorFromKey(QStringView(assignment).left(eq));
    bool ok = false;
    const double value = eq > 0 ? assignment.mid(eq + 1).toDouble(&ok) : 0.0;
    if (eq <= 0 || !id || !ok || !std::isfinite(value)) {
        io.err << "neurorack render: --set takes ID=VALUE with ID one of " << descriptorKeys().join(QStringLiteral(", "))
               << ", got '" << assignment << "'\n";
        return false;
    }
    curves.applyOffsetScale(*id, value, 1.0);
    return true;
}

int render(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Renders a preset (a preset file, or a bank's slot) to 48 kHz audio with the impact model. --set ID=VALUE "
        "shifts a descriptor's whole curve, in its control unit: dB for loudness, semitones for pitch, Hz for "
        "richness and brightness, 0..1 units for the others (repeatable)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A preset file, or a bank with --slot."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The audio file to write (.wav or .flac, 24-bit)."), QStringLiteral("OUT"));
    const QCommandLineOption slot(QStringLiteral("slot"), QStringLiteral("The bank slot to render (0–127)."), QStringLiteral("N"));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Shift a descriptor curve: ID=VALUE."), QStringLiteral("ID=VALUE"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the noise (default 0)."), QStringLiteral("S"),
                                  QStringLiteral("0"));
    for (const auto &o : {output, slot, set, seed, kModelOption})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("render"), args, io, 1, 1))
        return *exit;
    bool seedOk = false;
    const quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    if (!parser.isSet(output) || !seedOk) {
        io.err << "neurorack render: needs -o OUT (.wav or .flac), and a whole --seed\n";
        return kExitUsage;
    }

    const QString path = parser.positionalArguments().constFirst();
    const auto bytes = DocumentFile::readFile(path);
    if (!bytes) {
        io.err << bytes.errorString() << '\n';
        return kExitFailure;
    }
    const auto tree = DocumentFile::parse(*bytes);
    if (!tree) {
        io.err << path << ": " << tree.errorString() << '\n';
        return kExitFailure;
    }
    Preset preset;
    if (DocumentCodec::kindOf(*tree) == DocumentKind::Bank) {
        bool slotOk = false;
        const int n = parser.value(slot).toInt(&slotOk);
        if (!parser.isSet(slot) || !slotOk) {
            io.err << "neurorack render: " << path << " is a bank: say which slot with --slot N\n";
            return kExitUsage;
        }
        const auto bank = DocumentCodec::decodeBank(*tree);
        if (!bank) {
            printErrors(io, path, bank.errors());
            return kExitFailure;
        }
        if (!bank->preset(n)) {
            io.err << path << ": slot " << n << " is empty (filled slots: "
                   << [&] { QStringList s; for (int i : bank->filledSlots()) s << QString::number(i); return s.join(QStringLiteral(", ")); }()
                   << ")\n";
            return kExitFailure;
        }
        preset = *bank->preset(n);
    } else {
        const auto p = DocumentCodec::decodePreset(*tree);
        if (!p) {
            printErrors(io, path, p.errors());
            return kExitFailure;
        }
        preset = *p;
    }
    for (const QString &assignment : parser.values(set)) {
        if (!applySet(preset.curves, assignment, io))
            return kExitUsage;
    }

    ImpactEngine engine;
    const auto model = loadModel(engine, parser, io);
    if (!model)
        return kExitFailure;
    const auto audio = engine.render(preset.curves, seedValue);
    if (!audio) {
        io.err << audio.errorString() << '\n';
        return kExitFailure;
    }
    if (const QString error = AudioFile::write(parser.value(output), *audio, SampleFormat::Pcm24); !error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << parser.value(output) << ": \"" << preset.name << "\", " << QString::number(preset.duration(), 'f', 2)
           << " s, with " << model->name << ' ' << model->version << '\n';
    return kExitOk;
}

int modelInfo(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loads and validates a model file, and prints its metadata."));
    parser.addOption(kModelOption);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("model info"), args, io, 0, 0))
        return *exit;
    ImpactEngine engine;
    const auto info = loadModel(engine, parser, io);
    if (!info)
        return kExitFailure;
    io.out << info->name << ' ' << info->version << "  (" << info->path << ")\n"
           << info->parameters << " parameters, on " << info->device << ", loaded and validated in "
           << QString::number(info->loadMs, 'f', 0) << " ms\n\n"
           << QString::fromUtf8(QJsonDocument(info->metadata).toJson(QJsonDocument::Indented));
    return kExitOk;
}

int evaluate(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluates a model on a corpus (made by `neurorack corpus generate`): renders held-out impacts from their "
        "curves, morphs of two of them, and CV-offset curves; measures the results with the analyzer; and prints "
        "each descriptor's mean error in its unit beside a nearest-neighbour baseline (the training impact whose "
        "curves are closest), and the spectral distance to the original sounds."));
    const QCommandLineOption corpus(QStringLiteral("corpus"), QStringLiteral("The corpus folder."), QStringLiteral("DIR"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Held-out impacts to use (default 60)."),
                                   QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption byCategory(QStringLiteral("by-category"),
                                        QStringLiteral("Also print each set's errors per corpus category (kick, bell, …)."));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the noise in every render (default 0): the figures move a little "
                                                 "with it, the baseline's not at all."),
                                  QStringLiteral("S"), QStringLiteral("0"));
    for (const auto &o : {corpus, count, byCategory, seed, kModelOption})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("eval"), args, io, 0, 0))
        return *exit;
    bool ok = false, seedOk = false;
    const int n = parser.value(count).toInt(&ok);
    const quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    if (!parser.isSet(corpus) || !ok || n < 2 || !seedOk) {
        io.err << "neurorack eval: needs --corpus DIR, a --count of at least 2 and a whole --seed\n";
        return kExitUsage;
    }
    ImpactEngine engine;
    const auto model = loadModel(engine, parser, io);
    if (!model)
        return kExitFailure;
    QString error;
    const auto rows = ModelEvaluation::run(engine, parser.value(corpus), n, &error, [&](int done, int total) {
        if (done % 10 == 0 || done == total)
            io.err << "  " << done << '/' << total << " renders\n" << Qt::flush;
    }, seedValue);
    if (!error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << model->name << ' ' << model->version << " on " << parser.value(corpus);
    if (seedValue != 0)
        io.out << ", noise seed " << seedValue;
    io.out << "\n\n" << ModelEvaluation::format(rows, parser.isSet(byCategory));
    return kExitOk;
}

} // namespace

void RenderCommands::registerAll(Cli &cli)
{
    cli.add({QStringLiteral("eval"), QString(), QStringLiteral("Evaluate a model against a nearest-neighbour baseline"), evaluate});
    cli.add({QStringLiteral("render"), QString(), QStringLiteral("Render a preset to audio with the impact model"), render});
    cli.add({QStringLiteral("model"), QStringLiteral("info"), QStringLiteral("Validate a model file and show its metadata"), modelInfo});
}

} // namespace neurorack::cli
