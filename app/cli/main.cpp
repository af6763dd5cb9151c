// SPDX-License-Identifier: GPL-3.0-or-later
// neurorack: the command line tool. All the work is in Cli and the core library.
#include "cli.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("neurorack"));
    QCoreApplication::setOrganizationName(QStringLiteral("Neurorack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEURORACK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    neurorack::cli::Io io{out, err};
    const neurorack::cli::Cli cli;
    return cli.run(QCoreApplication::arguments(), io);
}
