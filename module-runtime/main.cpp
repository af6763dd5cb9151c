// SPDX-License-Identifier: GPL-3.0-or-later
// neurorack-runtime: the module service. Logs to stderr (the journal under systemd),
// stops cleanly on SIGTERM or SIGINT. Exit codes: 0 clean stop, 1 start-up failure,
// 2 usage error.
#include "runtimeservice.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcRuntime)

int main(int argc, char *argv[])
{
    neurorack::runtime::RuntimeOptions options;
    options.sinceLaunch.start();
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
    // Qt Gui only paints the screen into images: no display server is involved.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("neurorack-runtime"));
    QCoreApplication::setOrganizationName(QStringLiteral("Neurorack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEURORACK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Neurorack module service: reads the panel, renders impacts with the model\n"
                                                    "and plays them. See docs/runtime.md."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption panelOption(QStringLiteral("panel"), QStringLiteral("Panel backend: linux (the module's hardware) or sim (a local socket)."),
                                         QStringLiteral("linux|sim"), QStringLiteral("sim"));
    const QCommandLineOption simSocketOption(QStringLiteral("sim-socket"), QStringLiteral("The simulator's socket (default: DIR/panel.sock)."),
                                             QStringLiteral("PATH"));
    const QCommandLineOption audioOption(QStringLiteral("audio"), QStringLiteral("Audio output: alsa:DEVICE (alsa:default for the default device), wav:FILE or null."),
                                         QStringLiteral("OUTPUT"), QStringLiteral("null"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Folder for banks, models and settings; an empty one gets the factory bank and the shipped model."),
                                        QStringLiteral("DIR"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption serialOption(QStringLiteral("serial"), QStringLiteral("The USB serial port the sync protocol is served on."),
                                          QStringLiteral("PORT"));
    const QCommandLineOption modelOption(QStringLiteral("model"), QStringLiteral("A model file to play instead of the one in the settings."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption panelConfigOption(QStringLiteral("panel-config"), QStringLiteral("The panel description (default: hardware/panel.json where installed)."),
                                               QStringLiteral("FILE"));
    parser.addOptions({panelOption, simSocketOption, audioOption, dataOption, serialOption, modelOption, panelConfigOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "neurorack-runtime: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "neurorack-runtime: unexpected argument %s\n", qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    options.panel = parser.value(panelOption);
    options.audio = parser.value(audioOption);
    if (options.panel != u"linux" && options.panel != u"sim") {
        std::fprintf(stderr, "neurorack-runtime: --panel must be linux or sim, not %s\n", qPrintable(options.panel));
        return 2;
    }
    if (options.audio != u"null" && !options.audio.startsWith(u"wav:") && !options.audio.startsWith(u"alsa:")) {
        std::fprintf(stderr, "neurorack-runtime: --audio must be alsa:DEVICE, wav:FILE or null, not %s\n", qPrintable(options.audio));
        return 2;
    }
    options.dataDir = parser.value(dataOption);
    options.simSocket = parser.value(simSocketOption);
    options.serialPort = parser.value(serialOption);
    options.model = parser.value(modelOption);
    options.panelConfig = parser.value(panelConfigOption);

    // Signals are caught before anything is announced: a SIGTERM right after "ready" is a clean stop.
    neurorack::runtime::UnixSignalWatcher signals;
    QObject::connect(&signals, &neurorack::runtime::UnixSignalWatcher::received, &app, [](int signalNumber) {
        qCInfo(lcRuntime).noquote() << "stopping on" << (signalNumber == SIGTERM ? "SIGTERM"
                                                          : signalNumber == SIGINT ? "SIGINT" : "SIGHUP");
        QCoreApplication::quit();
    });

    neurorack::runtime::RuntimeService service(std::move(options));
    if (auto started = service.start(); !started) {
        qCCritical(lcRuntime).noquote() << "cannot start:" << started.errorString();
        return 1;
    }
    const int status = QCoreApplication::exec();
    service.stop();
    qCInfo(lcRuntime) << "stopped";
    return status;
}
