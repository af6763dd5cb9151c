// SPDX-License-Identifier: GPL-3.0-or-later
// neurorack-runtime: the module service. Logs to stderr (the journal under systemd),
// stops cleanly on SIGTERM or SIGINT. Exit codes: 0 clean stop, 1 start-up failure,
// 2 usage error.
#include "runtimeservice.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcRuntime)

int main(int argc, char *argv[])
{
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("neurorack-runtime"));
    QCoreApplication::setOrganizationName(QStringLiteral("Neurorack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEURORACK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Neurorack module service. This release loads the bank from the data folder\n"
                                                    "(or the factory bank) and waits; the panel, the voice engine and the USB link come next."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Folder for banks, models and settings."),
                                        QStringLiteral("DIR"),
                                        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    parser.addOption(dataOption);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "neurorack-runtime: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    // Signals are caught before anything is announced: a SIGTERM right after "ready" is a clean stop.
    neurorack::runtime::UnixSignalWatcher signals;
    QObject::connect(&signals, &neurorack::runtime::UnixSignalWatcher::received, &app, [](int signalNumber) {
        qCInfo(lcRuntime).noquote() << "stopping on" << (signalNumber == SIGTERM ? "SIGTERM"
                                                          : signalNumber == SIGINT ? "SIGINT" : "SIGHUP");
        QCoreApplication::quit();
    });

    neurorack::runtime::RuntimeService service({parser.value(dataOption)});
    if (const QString error = service.start(); !error.isEmpty()) {
        qCCritical(lcRuntime).noquote() << "cannot start:" << error;
        return 1;
    }
    const int status = QCoreApplication::exec();
    qCInfo(lcRuntime) << "stopped";
    return status;
}
