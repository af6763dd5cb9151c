// SPDX-License-Identifier: GPL-3.0-or-later
// Neurorack Studio end to end, as a new user goes: open a bank file, edit a preset in
// the editor's place (one undoable edit), hear it (a real render with the shipped
// model), push the bank to neurorack-runtime (sim panel) through the device panel over
// a pseudo-terminal cable, see the module play it, and pull it back identical.
#include "bankdocument.h"
#include "devicepanel.h"
#include "mainwindow.h"
#include "preseteditor.h"
#include "renderservice.h"

#include "ptylink.h"
#include "runtimeprocess.h"

#include "io/documentfile.h"
#include "model/factory.h"

#include <QAbstractButton>
#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cmath>

using namespace neurorack;
using namespace neurorack::studio;

class tst_StudioEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openEditRenderPushPull()
    {
        if (ImpactEngine::defaultModelPath().isEmpty())
            QSKIP("no shipped model found");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        // A bank file of the user's: the factory bank under another name.
        Bank mine = *Factory::bank();
        mine.setId(QStringLiteral("e2e"));
        mine.setName(QStringLiteral("End to End"));
        const QString bankPath = dir.filePath(QStringLiteral("mine.json"));
        QCOMPARE(DocumentFile::saveBank(bankPath, mine), QString());

        // The module: neurorack-runtime on the sim panel, on one end of a pty cable.
        const QString data = dir.filePath(QStringLiteral("data"));
        PtyLink link(dir.path());
        QVERIFY(link.open());
        RuntimeProcess runtime(data, QStringLiteral("null"));
        QVERIFY2(runtime.start({QStringLiteral("--serial"), link.modulePath()}), runtime.log().constData());

        MainWindow window;
        window.document()->setAutosavePath(dir.filePath(QStringLiteral("autosave.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openBank(bankPath));
        QCOMPARE(window.bank(), mine);
        QTRY_VERIFY_WITH_TIMEOUT(window.renderService()->model().has_value(), 30000);

        // Edit: 6 dB quieter and a fifth up, as the editor reports an edit.
        window.selectSlot(2);
        Preset edited = *window.bank().preset(2);
        edited.name = QStringLiteral("Edited Tom");
        edited.curves.applyOffsetScale(DescriptorId::Loudness, -6.0, 1.0);
        edited.curves.applyOffsetScale(DescriptorId::Pitch, 7.0, 1.0);
        QSignalSpy rendered(window.renderService(), &RenderService::rendered);
        Q_EMIT window.presetEditor()->presetEdited(2, edited, QStringLiteral("Edit"), -1);
        QCOMPARE(*window.bank().preset(2), edited);
        QVERIFY(window.document()->isModified());

        // Render: the edit is heard (a real, non-silent, finite impact of the right length).
        // (The model's first load plays the first preset; the edit's own render follows.)
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && rendered.last().at(1).toString() == edited.name, 30000);
        const auto audio = rendered.last().at(2).value<QList<float>>();
        QCOMPARE(audio.size(), qsizetype(edited.curves.frameCount()) * 240);
        double peak = 0.0;
        for (float s : audio) {
            QVERIFY(std::isfinite(s));
            peak = std::max(peak, double(std::abs(s)));
        }
        QVERIFY2(peak > 0.01 && peak <= 1.0, qPrintable(QString::number(peak)));

        // Push through the device panel, with a backup of the module's bank first.
        DevicePanel *device = window.devicePanel();
        device->refreshPorts();
        device->addVirtualPort(link.hostPath(), QStringLiteral("test cable"));
        device->selectPort(link.hostPath());
        QSignalSpy finished(device, &DevicePanel::operationFinished);
        device->connectToModule();
        // The link opens before the module's file list arrives: the connection is done
        // when its operation finishes (a push while it is busy would be ignored).
        QTRY_VERIFY_WITH_TIMEOUT(!device->isBusy() && !finished.isEmpty(), 15000);
        QVERIFY2(finished.last().at(0).toBool() && device->isConnected(), qPrintable(device->logText()));
        finished.clear();
        device->setBackupBeforePush(true);
        device->pushBank();
        QTRY_VERIFY_WITH_TIMEOUT(!device->isBusy() && !finished.isEmpty(), 30000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString() + device->logText()));
        // The backup is the module's previous bank (the factory bank of a fresh data folder).
        const auto backup = DocumentFile::loadBank(device->lastBackupPath());
        QVERIFY2(backup, qPrintable(device->lastBackupPath()));
        QCOMPARE(backup->id(), Factory::bank()->id());

        // The module plays it: its status names the pushed bank.
        QVERIFY(runtime.waitFor([](const QJsonObject &status) {
            return status.value(QStringLiteral("bank")).toString() == QStringLiteral("End to End");
        }));

        // Pull it back: identical to what Studio holds.
        QSignalSpy pulled(device, &DevicePanel::bankPulled);
        finished.clear();
        // The pulled bank opens in the window; the unsaved edit there is asked about first:
        // answer "Discard" when that question comes.
        QTimer answer;
        answer.setInterval(50);
        connect(&answer, &QTimer::timeout, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible() && box->button(QMessageBox::Discard))
                    box->button(QMessageBox::Discard)->click();
        });
        answer.start();
        device->pullBank();
        QTRY_VERIFY_WITH_TIMEOUT(!pulled.isEmpty(), 30000);
        const Bank back = pulled.last().at(0).value<Bank>();
        QCOMPARE(back, window.bank());
        QCOMPARE(*back.preset(2), edited);
        QTRY_COMPARE_WITH_TIMEOUT(window.document()->path(), QString(), 5000);
        QCOMPARE(window.bank(), back);
        QVERIFY(!window.document()->isModified());
        QCOMPARE(runtime.stop(), 0);
    }
};

QTEST_MAIN(tst_StudioEndToEnd)
#include "tst_studio_e2e.moc"
