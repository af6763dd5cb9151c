// SPDX-License-Identifier: GPL-3.0-or-later
// neurorack: the command line tool. All the work is in Cli and the core library.
#include "cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace {
// Commands that paint (text needs fonts) get a GUI application on the offscreen
// platform; the rest start as a plain core application, without a display.
bool needsPainting(int argc, char *argv[])
{
    return argc > 1 && std::strcmp(argv[1], "spectrogram") == 0;
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (needsPainting(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a session (ssh, CI) Qt warns that XDG_RUNTIME_DIR is unset and uses this
        // same private folder; make it ourselves so that scripts see no noise on stderr.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtime = QByteArray("/tmp/runtime-") + QByteArray::number(::getuid());
            ::mkdir(runtime.constData(), 0700);
            qputenv("XDG_RUNTIME_DIR", runtime);
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("neurorack"));
    QCoreApplication::setOrganizationName(QStringLiteral("Neurorack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEURORACK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    neurorack::cli::Io io{out, err};
    const neurorack::cli::Cli cli;
    return cli.run(QCoreApplication::arguments(), io);
}
