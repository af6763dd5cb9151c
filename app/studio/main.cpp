// SPDX-License-Identifier: GPL-3.0-or-later
// Neurorack Studio: opens the bank given on the command line, or the factory bank.
#include "mainwindow.h"

#include "model/factory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Neurorack Studio"));
    QApplication::setOrganizationName(QStringLiteral("Neurorack"));
    QApplication::setApplicationVersion(QStringLiteral(NEURORACK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design presets for the Neurorack impact synthesizer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("BANK"), QApplication::translate("main", "A bank file to open (default: the factory bank)."),
                                 QStringLiteral("[BANK]"));
    parser.process(app);

    neurorack::studio::MainWindow window;
    const auto factory = neurorack::Factory::bank();
    if (!factory) {
        QMessageBox::critical(nullptr, QApplication::applicationName(),
                              QApplication::translate("main", "The factory bank built into this program is damaged:\n%1")
                                  .arg(factory.errorString()));
        return 1;
    }
    window.setBank(*factory, QString());
    if (!parser.positionalArguments().isEmpty())
        window.openBank(parser.positionalArguments().constFirst());
    window.show();
    return app.exec();
}
