// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli.h"

#include <QCommandLineParser>

#include <limits>
#include <optional>

namespace neurorack::cli {

/// Parses one command's arguments with its own --help. Returns an exit code when the
/// command should stop here (help shown: 0; usage error: 2), nullopt to go on.
/// @p minPositional and @p maxPositional bound the number of plain arguments.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &args,
                                    Io &io, int minPositional = 0,
                                    int maxPositional = std::numeric_limits<int>::max());

} // namespace neurorack::cli
