// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandparser.h"

#include <QRegularExpression>

namespace neurorack::cli {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &args,
                                    Io &io, int minPositional, int maxPositional)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QString program = QStringLiteral("neurorack ") + command;
    if (!parser.parse(QStringList{program} + args)) {
        io.err << program << ": " << parser.errorText() << "\nRun '" << program << " --help' for its options.\n";
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        // helpText() names the program after argv[0]; show the whole command instead.
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: ") + program);
        if (const qsizetype end = text.indexOf(QLatin1Char('\n')); end > 0)
            text.insert(end, QLatin1Char('\n')); // a blank line between the usage and the description
        io.out << text;
        return kExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || n > maxPositional) {
        io.err << program << ": expected "
               << (minPositional == maxPositional ? QString::number(minPositional)
                   : maxPositional == std::numeric_limits<int>::max()
                       ? QStringLiteral("at least %1").arg(minPositional)
                       : QStringLiteral("%1 to %2").arg(minPositional).arg(maxPositional))
               << " argument(s), got " << n << "\nRun '" << program << " --help' for its usage.\n";
        return kExitUsage;
    }
    return std::nullopt;
}

} // namespace neurorack::cli
