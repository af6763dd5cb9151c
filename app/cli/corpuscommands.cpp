// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpuscommands.h"

#include "cli.h"
#include "commandparser.h"

#include "audio/audiofile.h"
#include "corpus/corpusgenerator.h"
#include "corpus/factoryrecipes.h"
#include "io/documentfile.h"
#include "model/factory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>

#include <unistd.h>

namespace neurorack::cli {

namespace {

int generate(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates the training corpus: synthetic impacts (modal synthesis of membranes, bars, plates, shells, "
        "blocks and glass, with mallets, glides, noise, body and room) as 24-bit 48 kHz WAV files, each with its "
        "analysed descriptors, an index (corpus.json) and a coverage report. The same --seed and --count give the "
        "same corpus, byte for byte."));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Number of impacts."), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Folder to write into."), QStringLiteral("DIR"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Threads (default: all cores)."), QStringLiteral("J"),
                                  QString::number(QThread::idealThreadCount()));
    for (const auto &o : {count, seed, output, jobs})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("corpus generate"), args, io, 0, 0))
        return *exit;
    bool okCount = false, okSeed = false, okJobs = false;
    const int n = parser.value(count).toInt(&okCount);
    const quint32 s = parser.value(seed).toUInt(&okSeed);
    const int j = parser.value(jobs).toInt(&okJobs);
    if (!parser.isSet(count) || !okCount || n < 1 || n > 1'000'000 || !okSeed || !okJobs || j < 1 || !parser.isSet(output)) {
        io.err << "neurorack corpus generate: needs --count N (1 to 1000000), -o DIR, and a whole --seed and --jobs\n";
        return kExitUsage;
    }

    QElapsedTimer timer;
    timer.start();
    const bool interactive = ::isatty(STDERR_FILENO);
    int lastTenth = -1;
    auto progress = [&](int done, int total) {
        if (interactive) {
            io.err << "\r  " << done << '/' << total << " impacts" << Qt::flush;
        } else if (done * 10 / total != lastTenth) {
            lastTenth = done * 10 / total;
            io.err << "  " << done << '/' << total << " impacts\n" << Qt::flush;
        }
    };
    CorpusCoverage coverage{};
    const QString error = CorpusGenerator::generate(n, s, parser.value(output), j, progress, &coverage);
    if (interactive)
        io.err << '\n';
    if (!error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << n << " impacts to " << QDir(parser.value(output)).absolutePath() << " in "
           << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n\nCoverage of the descriptor space:\n"
           << CorpusGenerator::formatCoverage(coverage);
    return kExitOk;
}

int factoryBank(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Rebuilds the factory bank from its recipes: eighteen synthetic impacts, rendered and analysed. For "
        "maintainers: the result is core/resources/factory-bank.json."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The bank to write."), QStringLiteral("BANK"));
    const QCommandLineOption audio(QStringLiteral("audio"), QStringLiteral("Also write each impact as a WAV file into DIR."),
                                   QStringLiteral("DIR"));
    parser.addOption(output);
    parser.addOption(audio);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("corpus factory-bank"), args, io, 0, 0))
        return *exit;
    if (!parser.isSet(output)) {
        io.err << "neurorack corpus factory-bank: -o BANK is required\n";
        return kExitUsage;
    }
    const auto mapping = Factory::originalMapping();
    if (!mapping) {
        io.err << mapping.errorString() << '\n';
        return kExitFailure;
    }
    QString audioError;
    if (parser.isSet(audio) && !QDir().mkpath(parser.value(audio))) {
        io.err << parser.value(audio) << ": cannot create the folder\n";
        return kExitFailure;
    }
    const Bank bank = FactoryRecipes::buildBank(*mapping, [&](const FactoryRecipe &r, const std::vector<float> &sound) {
        if (parser.isSet(audio) && audioError.isEmpty())
            audioError = AudioFile::write(QDir(parser.value(audio)).filePath(r.id + QStringLiteral(".wav")), sound);
    });
    if (!audioError.isEmpty()) {
        io.err << audioError << '\n';
        return kExitFailure;
    }
    if (const QString error = DocumentFile::saveBank(parser.value(output), bank); !error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << parser.value(output) << ": " << bank.presetCount() << " presets\n";
    return kExitOk;
}

} // namespace

void CorpusCommands::registerAll(Cli &cli)
{
    cli.add({QStringLiteral("corpus"), QStringLiteral("generate"), QStringLiteral("Generate the training corpus of synthetic impacts"), generate});
    cli.add({QStringLiteral("corpus"), QStringLiteral("factory-bank"), QStringLiteral("Rebuild the factory bank from its recipes"), factoryBank});
}

} // namespace neurorack::cli
