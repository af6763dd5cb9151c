// SPDX-License-Identifier: GPL-3.0-or-later
// Neurorack Studio's main window: the panels wired to one bank document, undo and redo
// of every kind of edit, the bank list's drag, copy and paste, unsaved-changes prompt,
// crash-safe autosave and recovery, remembered layout, bad files refused, screenshots.
#include "bankdocument.h"
#include "descriptormapview.h"
#include "banklistmodel.h"
#include "mainwindow.h"
#include "mappingeditor.h"
#include "preseteditor.h"
#include "renderservice.h"
#include "virtualmodule.h"

#include "io/documentfile.h"
#include "model/factory.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

/// Answers the next message box that opens with @p button.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                box->button(button)->click();
                return;
            }
        }
    });
}

Preset louder(const Preset &preset, double db)
{
    Preset edited = preset;
    edited.curves.applyOffsetScale(DescriptorId::Loudness, db, 1.0);
    return edited;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    /// A window on the factory bank whose autosave goes to the test's folder.
    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->document()->setAutosavePath(m_home.filePath(QStringLiteral("autosave.json")));
        window->setBank(*Factory::bank(), QString());
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setOrganizationName(QStringLiteral("NeurorackTest"));
    }

    void showsTheFactoryBankInEveryPanel()
    {
        auto window = makeWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QListView *list = window->bankList();
        QCOMPARE(list->model()->rowCount(), 128);
        QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("Deep Kick")));
        QVERIFY(list->model()->index(17, 0).data().toString().contains(QStringLiteral("(empty)")));
        QCOMPARE(window->currentSlot(), 0);
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("Factory")));
        for (const char *name : {"bankDock", "previewDock", "mapDock", "mappingDock", "deviceDock"})
            QVERIFY2(window->findChild<QDockWidget *>(QLatin1String(name)), name);
    }

    void presetEditsUndoAndRedo()
    {
        auto window = makeWindow();
        BankDocument *doc = window->document();
        const Preset original = *doc->bank().preset(0);
        QVERIFY(!doc->isModified());

        Q_EMIT window->presetEditor()->presetEdited(0, louder(original, -6.0), QStringLiteral("Quieter"), -1);
        QCOMPARE(*doc->bank().preset(0), louder(original, -6.0));
        QVERIFY(doc->isModified());
        QVERIFY(window->isWindowModified());

        // The steps of one drag (one merge id) are one undo step.
        Q_EMIT window->presetEditor()->presetEdited(0, louder(original, -7.0), QStringLiteral("Drag"), 7);
        Q_EMIT window->presetEditor()->presetEdited(0, louder(original, -8.0), QStringLiteral("Drag"), 7);
        Q_EMIT window->presetEditor()->presetEdited(0, louder(original, -9.0), QStringLiteral("Drag"), 7);
        QCOMPARE(doc->undoStack()->count(), 2);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Drag"));

        doc->undoStack()->undo();
        QCOMPARE(*doc->bank().preset(0), louder(original, -6.0));
        doc->undoStack()->undo();
        QCOMPARE(*doc->bank().preset(0), original);
        QVERIFY(!doc->isModified());
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        QCOMPARE(*doc->bank().preset(0), louder(original, -9.0));
    }

    void editsThatTakeAnotherIdGetANewOne()
    {
        auto window = makeWindow();
        Preset clash = *window->bank().preset(0);
        clash.id = window->bank().preset(1)->id;
        Q_EMIT window->presetEditor()->presetEdited(0, clash, QStringLiteral("Rename"), -1);
        QVERIFY(window->bank().preset(0)->id != window->bank().preset(1)->id);
        QVERIFY(limits::isValidId(window->bank().preset(0)->id));
    }

    void mappingEditsUndo()
    {
        auto window = makeWindow();
        const Mapping before = window->bank().mapping();
        Mapping after = *Factory::alternativeMapping();
        Q_EMIT window->mappingEditor()->mappingEdited(after, QStringLiteral("Factory mapping"), -1);
        QCOMPARE(window->bank().mapping(), after);
        window->document()->undoStack()->undo();
        QCOMPARE(window->bank().mapping(), before);
    }

    void dragMovesAndSwapsSlots_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addRow("onto an empty slot") << 2 << 40;
        QTest::addRow("onto a filled slot") << 2 << 5;
    }

    void dragMovesAndSwapsSlots()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        auto window = makeWindow();
        const Bank before = window->bank();
        QAbstractItemModel *model = window->bankList()->model();
        std::unique_ptr<QMimeData> mime(model->mimeData({model->index(from, 0)}));
        QVERIFY(mime);
        model->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, model->index(to, 0));
        QCOMPARE(*window->bank().preset(to), *before.preset(from));
        QCOMPARE(window->bank().preset(from) != nullptr, before.preset(to) != nullptr);
        if (before.preset(to))
            QCOMPARE(*window->bank().preset(from), *before.preset(to));
        QVERIFY(model->index(to, 0).data().toString().contains(before.preset(from)->name));
        window->document()->undoStack()->undo();
        QCOMPARE(window->bank(), before);
    }

    void copyPasteCutAndDelete()
    {
        auto window = makeWindow();
        window->show();
        const Bank before = window->bank();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->selectSlot(3);
        QCOMPARE(window->currentSlot(), 3);
        window->bankList()->setFocus();
        QTest::keySequence(window->bankList(), QKeySequence::Copy);
        QVERIFY(QApplication::clipboard()->text().contains(before.preset(3)->id));

        window->selectSlot(60);
        QTest::keySequence(window->bankList(), QKeySequence::Paste);
        QVERIFY(window->bank().preset(60));
        QCOMPARE(window->bank().preset(60)->name, before.preset(3)->name);
        QCOMPARE(window->bank().preset(60)->curves, before.preset(3)->curves);
        QVERIFY(window->bank().preset(60)->id != before.preset(3)->id); // ids stay unique

        window->selectSlot(3);
        QTest::keySequence(window->bankList(), QKeySequence::Delete);
        QVERIFY(!window->bank().preset(3));
        window->document()->undoStack()->undo();
        window->document()->undoStack()->undo();
        QCOMPARE(window->bank(), before);

        // Text that is not a preset is refused with a message, and nothing changes.
        QApplication::clipboard()->setText(QStringLiteral("not a preset"));
        window->selectSlot(61);
        QTest::keySequence(window->bankList(), QKeySequence::Paste);
        auto *box = window->findChild<QMessageBox *>();
        QVERIFY(box);
        box->close();
        QCOMPARE(window->bank(), before);
    }

    void saveOpenAndRecentFiles()
    {
        auto window = makeWindow();
        const Preset edited = louder(*window->bank().preset(0), -3.0);
        Q_EMIT window->presetEditor()->presetEdited(0, edited, QStringLiteral("Quieter"), -1);
        const QString path = m_home.filePath(QStringLiteral("mine.json"));
        QVERIFY(window->saveBankAs(path));
        QVERIFY(!window->document()->isModified());
        QVERIFY(window->windowTitle().contains(QStringLiteral("mine.json")));
        const auto saved = DocumentFile::loadBank(path);
        QVERIFY(saved);
        QCOMPARE(*saved->preset(0), edited);
        QVERIFY(QSettings().value(QStringLiteral("mainwindow/recentFiles")).toStringList().contains(QFileInfo(path).absoluteFilePath()));

        auto other = makeWindow();
        QVERIFY(other->openBank(path));
        QCOMPARE(other->bank(), window->bank());
    }

    void badBankIsRefusedAndCurrentKept()
    {
        auto window = makeWindow();
        const QString path = m_home.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"neurorack.mapping\", \"version\": 1}");
        f.close();
        QVERIFY(!window->openBank(path));
        auto *box = window->findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY(box->detailedText().contains(QStringLiteral("is a mapping, not a bank")));
        box->close();
        QCOMPARE(window->bank(), *Factory::bank());
    }

    void closeAsksAboutUnsavedChanges()
    {
        auto window = makeWindow();
        window->show();
        Q_EMIT window->presetEditor()->presetEdited(0, louder(*window->bank().preset(0), -3.0), QStringLiteral("Quieter"), -1);
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window->close());
    }

    void autosaveSurvivesACrash()
    {
        const QString autosave = m_home.filePath(QStringLiteral("autosave.json"));
        // Every test's window autosaves here: start without one, so that the wait below
        // sees this window's file, not one an earlier test left.
        QFile::remove(autosave);
        Bank edited;
        {
            auto window = makeWindow();
            Q_EMIT window->presetEditor()->presetEdited(4, louder(*window->bank().preset(4), -10.0), QStringLiteral("Quieter"), -1);
            window->document()->clearSlot(5, QStringLiteral("Delete"));
            // The timer writes it two seconds after the last change.
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(autosave), 5000);
            edited = window->bank();
            // A crash: the window goes away without closeEvent (no prompt, no cleanup).
            window.reset();
        }
        QVERIFY(QFileInfo::exists(autosave));
        const auto recovery = BankDocument::findRecovery(autosave);
        QVERIFY(recovery);
        QCOMPARE(recovery->bank, edited);

        auto window = makeWindow();
        answerNextMessageBox(QMessageBox::Yes);
        QVERIFY(window->offerRecovery());
        QCOMPARE(window->bank(), edited);
        QVERIFY(window->document()->isModified());
        // Saving puts the autosave away.
        QVERIFY(window->saveBankAs(m_home.filePath(QStringLiteral("recovered.json"))));
        QVERIFY(!QFileInfo::exists(autosave));
    }

    void layoutIsRemembered()
    {
        {
            auto window = makeWindow();
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            window->findChild<QDockWidget *>(QStringLiteral("mapDock"))->hide();
            QVERIFY(window->close());
        }
        auto window = makeWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("mapDock"))->isVisible());
        QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("previewDock"))->isVisible());
        window->findChild<QDockWidget *>(QStringLiteral("mapDock"))->show();
        QVERIFY(window->close());
    }

    void screenshots()
    {
        auto window = makeWindow();
        window->resize(1500, 950);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->selectSlot(0);
        window->auditionCurrent();
        // With the shipped model, wait for the sound so that the preview shows it.
        if (window->renderService()->model() || !ImpactEngine::defaultModelPath().isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(window->renderService()->model() && !window->renderService()->isBusy(), 20000);
        window->auditionCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(!window->renderService()->isBusy(), 20000);
        QTest::qWait(200);
        const QString dir = QStringLiteral(NEURORACK_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QImage main = window->grab().toImage();
        QVERIFY(main.save(dir + QStringLiteral("/studio-main.png")));
        VirtualModule *module = window->showVirtualModule();
        QVERIFY(QTest::qWaitForWindowExposed(module));
        // Turning a CV knob of the virtual module moves the CV marker on the map.
        QVERIFY(!window->descriptorMap()->hasCvMarker());
        module->setCvVolts(0, 3.0);
        QVERIFY(window->descriptorMap()->hasCvMarker());
        QTest::qWait(200);
        const QImage panel = module->grab().toImage();
        QVERIFY(panel.save(dir + QStringLiteral("/studio-virtual-module.png")));
        // Not blank: a real window has many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < main.height(); y += 7)
            for (int x = 0; x < main.width(); x += 7)
                colours.insert(main.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        module->close();
        answerNextMessageBox(QMessageBox::Discard);
        window->close();
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
