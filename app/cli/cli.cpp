// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "analysiscommands.h"
#include "corpuscommands.h"
#include "devicecommands.h"
#include "documentcommands.h"
#include "rendercommands.h"

#include <QCoreApplication>

namespace neurorack::cli {

void printErrors(Io &io, const QString &file, const FieldErrors &errors)
{
    for (const auto &error : errors)
        io.err << file << ": " << error.toString() << '\n';
}

Cli::Cli()
{
    DocumentCommands::registerAll(*this);
    AnalysisCommands::registerAll(*this);
    CorpusCommands::registerAll(*this);
    RenderCommands::registerAll(*this);
    DeviceCommands::registerAll(*this);
}

void Cli::printOverview(QTextStream &stream) const
{
    stream << "Usage: neurorack COMMAND ACTION [OPTIONS] [ARGUMENTS]\n\n"
           << "Neurorack, the neural impact synthesizer, from the command line.\n\n"
           << "Commands:\n";
    for (const auto &c : m_commands)
        stream << "  " << QStringLiteral("%1 %2").arg(c.group, c.action).trimmed().leftJustified(22) << c.summary << '\n';
    stream << "\nOptions:\n"
           << "  -h, --help            Show this help, or a command's help after it\n"
           << "  -v, --version         Show the version\n\n"
           << "Exit codes: 0 success, 1 failure (invalid file, …), 2 usage error; device commands also\n"
           << "3 no module, 4 protocol version mismatch, 5 no answer or link lost (run again to resume),\n"
           << "6 refused by the module, 7 data damaged, 130 cancelled.\n";
}

int Cli::run(const QStringList &arguments, Io &io) const
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printOverview(io.err);
        return kExitUsage;
    }
    const QString first = args.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        printOverview(io.out);
        return kExitOk;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        io.out << "neurorack " << QCoreApplication::applicationVersion() << '\n';
        return kExitOk;
    }
    if (first.startsWith(QLatin1Char('-'))) {
        io.err << "neurorack: unknown option '" << first << "'\nRun 'neurorack --help' for the commands.\n";
        return kExitUsage;
    }

    QStringList actions;
    for (const auto &c : m_commands) {
        if (c.group == first && c.action.isEmpty())
            return c.run(args.mid(1), io); // a command without actions: "neurorack analyze IN"
        if (c.group == first)
            actions << c.action;
    }
    if (actions.isEmpty()) {
        io.err << "neurorack: unknown command '" << first << "'\nRun 'neurorack --help' for the commands.\n";
        return kExitUsage;
    }
    const QString action = args.value(1);
    for (const auto &c : m_commands) {
        if (c.group == first && c.action == action)
            return c.run(args.mid(2), io);
    }
    if (action.isEmpty() || action == QLatin1String("--help") || action == QLatin1String("-h")) {
        QTextStream &stream = action.isEmpty() ? io.err : io.out;
        stream << "Usage: neurorack " << first << " ACTION ...\n\nActions:\n";
        for (const auto &c : m_commands) {
            if (c.group == first)
                stream << "  " << c.action.leftJustified(12) << c.summary << '\n';
        }
        return action.isEmpty() ? kExitUsage : kExitOk;
    }
    io.err << "neurorack " << first << ": unknown action '" << action << "' (expected one of: "
           << actions.join(QStringLiteral(", ")) << ")\n";
    return kExitUsage;
}

} // namespace neurorack::cli
