// SPDX-License-Identifier: GPL-3.0-or-later
// Neurorack Studio: opens the bank given on the command line, or the factory bank, in
// the system's language (English, French).
#include "mainwindow.h"

#include "model/factory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Neurorack Studio"));
    QApplication::setOrganizationName(QStringLiteral("Neurorack"));
    QApplication::setApplicationVersion(QStringLiteral(NEURORACK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.neurorack.Studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/neurorack-studio.svg")));

    // The translation for the system locale (LANG=fr_FR.UTF-8 gives French), Qt's own too.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("neurorack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design presets for the Neurorack impact synthesizer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("BANK"), QApplication::translate("main", "A bank file to open (default: the factory bank)."),
                                 QStringLiteral("[BANK]"));
    parser.process(app);

    const auto factory = neurorack::Factory::bank();
    if (!factory) {
        QMessageBox::critical(nullptr, QApplication::applicationName(),
                              QApplication::translate("main", "The factory bank built into this program is damaged:\n%1")
                                  .arg(factory.errorString()));
        return 1;
    }
    neurorack::studio::MainWindow window;
    window.setBank(*factory, QString());
    window.show();
    if (!window.offerRecovery() && !parser.positionalArguments().isEmpty())
        window.openBank(parser.positionalArguments().constFirst());
    return app.exec();
}
