// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/fielderror.h"

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace neurorack::cli {

/// Exit codes scripts can rely on.
enum ExitCode : int {
    kExitOk = 0,      ///< the command did what it was asked
    kExitFailure = 1, ///< it could not: invalid file, failed transfer, …
    kExitUsage = 2,   ///< the command line itself was wrong
    // device commands (docs/protocol.md, "Errors")
    kExitNoModule = 3,   ///< no module found, or its port cannot be opened
    kExitVersion = 4,    ///< the module and this tool share no protocol version
    kExitNoAnswer = 5,   ///< the module stopped answering or the cable was pulled (run again to resume)
    kExitRejected = 6,   ///< the module refused: invalid file, no space, empty slot
    kExitCorrupted = 7,  ///< the data arrived damaged (a push: twice, a pull: once)
    kExitCancelled = 130, ///< stopped with Ctrl-C; the module keeps what it had
};

/// Where commands print: results on out, messages and errors on err.
struct Io {
    QTextStream &out;
    QTextStream &err;
};

/// Prints each error as "FILE: FIELD: REASON", one per line, on io.err.
void printErrors(Io &io, const QString &file, const FieldErrors &errors);

/// One "neurorack GROUP ACTION" command.
struct Command {
    QString group;       ///< "bank"
    QString action;      ///< "validate"
    QString summary;     ///< one line for the overview
    /// Runs with the arguments after the action; returns an ExitCode.
    std::function<int(const QStringList &args, Io &io)> run;
};

/// The neurorack command line tool: dispatches "neurorack GROUP ACTION [ARGS]" to the
/// registered commands, with --help and --version, and usage errors as exit code 2.
class Cli
{
public:
    Cli();
    /// Runs one invocation; @p arguments includes the program name.
    int run(const QStringList &arguments, Io &io) const;
    void add(Command command) { m_commands.append(std::move(command)); }

private:
    void printOverview(QTextStream &stream) const;
    QList<Command> m_commands;
};

} // namespace neurorack::cli
