// SPDX-License-Identifier: GPL-3.0-or-later
// Neurorack Studio's main window: the factory bank's slots, the selected preset's
// curves, a bad bank refused with the current one kept, and a screenshot for people.
#include "curvechartview.h"
#include "mainwindow.h"

#include "io/documentfile.h"
#include "model/factory.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>

using namespace neurorack;
using namespace neurorack::studio;

class tst_Studio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheFactoryBank()
    {
        MainWindow window;
        window.setBank(*Factory::bank(), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *slots = window.findChild<QListWidget *>();
        QVERIFY(slots);
        QCOMPARE(slots->count(), 128);
        QCOMPARE(slots->currentRow(), 0);
        QVERIFY(slots->item(0)->text().contains(QStringLiteral("Deep Kick")));
        QVERIFY(slots->item(17)->text().contains(QStringLiteral("(empty)")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Factory")));

        auto *chart = window.findChild<CurveChartView *>();
        QCOMPARE(chart->chart()->title(), QStringLiteral("Deep Kick"));
        const auto series = chart->chart()->series();
        QCOMPARE(series.size(), 7);
        QCOMPARE(static_cast<QLineSeries *>(series.at(0))->count(), 200); // 1 s of loudness

        slots->setCurrentRow(7);
        QCOMPARE(chart->chart()->title(), QStringLiteral("Crash Cymbal"));
        QCOMPARE(static_cast<QLineSeries *>(series.at(6))->count(), 0); // unvoiced throughout

        // A screenshot that people (and reviewers) can look at.
        slots->setCurrentRow(0);
        QTest::qWait(50);
        const QString dir = QStringLiteral(NEURORACK_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + QStringLiteral("/studio-main.png")));
    }

    void badBankIsRefusedAndCurrentKept()
    {
        MainWindow window;
        window.setBank(*Factory::bank(), QString());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"neurorack.mapping\", \"version\": 1}");
        f.close();
        QVERIFY(!window.openBank(path));
        auto *box = window.findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY(box->detailedText().contains(QStringLiteral("is a mapping, not a bank")));
        box->close();
        QCOMPARE(window.bank().name(), QStringLiteral("Factory"));
        QCOMPARE(window.bank().presetCount(), 18);
    }

    void opensAValidBank()
    {
        MainWindow window;
        window.setBank(*Factory::bank(), QString());
        Bank other;
        other.setId(QStringLiteral("mine"));
        other.setName(QStringLiteral("Mine"));
        other.setMapping(*Factory::alternativeMapping());
        other.setPreset(3, *Factory::bank()->preset(8));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QCOMPARE(DocumentFile::saveBank(path, other), QString());
        QVERIFY(window.openBank(path));
        QCOMPARE(window.bank(), other);
        QCOMPARE(window.findChild<QListWidget *>()->currentRow(), 3);
    }
};

QTEST_MAIN(tst_Studio)
#include "tst_studio.moc"
