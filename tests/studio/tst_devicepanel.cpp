// SPDX-License-Identifier: GPL-3.0-or-later
// The device panel against a real neurorack-runtime (sim panel) serving the sync
// protocol on one end of a pseudo-terminal cable (PtyLink), driven through the
// panel's public API and mouse clicks: connect, info, push with backup, pull, cancel,
// cable pulled mid-push, version mismatch, model upload, play, destroyed while busy.
#include "devicepanel.h"
#include "ptylink.h"
#include "runtimeprocess.h"
#include "testsupport.h"

#include "engine/impactengine.h"
#include "io/documentcodec.h"
#include "io/documentfile.h"
#include "model/factory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace neurorack;
using namespace neurorack::studio;
using namespace std::chrono_literals;

namespace {
/// How long one panel operation may take before the test calls it stuck.
constexpr int kOperationMs = 60000;
/// The longest the event loop may stall while the panel talks to the module (a UI that
/// waited on the link would stall for whole reply timeouts; the margin is for a busy machine).
constexpr qint64 kMaxStallMs = 500;

Bank makeBank(quint32 seed, int presets)
{
    Bank bank = test::randomBank(seed, presets);
    bank.setName(QStringLiteral("Bank %1").arg(seed));
    return bank;
}

qint64 cborSize(const Bank &bank)
{
    return DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Cbor).size();
}

/// Measures the longest gap between ticks of a 10 ms timer: how long the UI froze.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longest = std::max(m_longest, m_clock.restart());
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};
} // namespace

class TestDevicePanel : public QObject
{
    Q_OBJECT

private:
    template<typename W>
    W *child(const char *name) const
    {
        return m_panel->findChild<W *>(QString::fromLatin1(name));
    }
    void click(const char *name) { QTest::mouseClick(child<QPushButton>(name), Qt::LeftButton); }
    void setChecked(const char *name, bool checked)
    {
        auto *box = child<QCheckBox>(name);
        if (box->isChecked() != checked)
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
    }
    bool waitIdle(DevicePanel *panel = nullptr)
    {
        panel = panel ? panel : m_panel.get();
        return QTest::qWaitFor([&] { return !panel->isBusy(); }, kOperationMs);
    }
    /// Clicks Connect until the module answers (after a replug it reopens its end
    /// within its reopen period).
    bool connectPanel()
    {
        m_panel->selectPort(m_link->hostPath());
        QElapsedTimer timer;
        timer.start();
        while (!m_panel->isConnected() && timer.elapsed() < 10000) {
            click("connectButton");
            if (!waitIdle())
                return false;
            if (!m_panel->isConnected())
                QTest::qWait(200);
        }
        return m_panel->isConnected();
    }
    QString moduleFile(const QString &file) const { return m_data + QStringLiteral("/banks/") + file; }
    QString target() const { return child<QComboBox>("fileBox")->currentText(); }

    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<PtyLink> m_link;
    std::unique_ptr<RuntimeProcess> m_runtime;
    std::unique_ptr<DevicePanel> m_panel;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("neurorack-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_devicepanel"));
        QDir(DevicePanel::backupDirectory()).removeRecursively();
        QSettings().clear();

        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        m_link = std::make_unique<PtyLink>(m_dir.path());
        QVERIFY(m_link->open());
        m_runtime = std::make_unique<RuntimeProcess>(m_data, QStringLiteral("null"));
        QVERIFY2(m_runtime->start({QStringLiteral("--serial"), m_link->modulePath()}), m_runtime->log().constData());
        QVERIFY(m_runtime->waitForLog("serving the sync protocol"));

        m_panel = std::make_unique<DevicePanel>();
        m_panel->client()->setReplyTimeout(150ms);
        m_panel->client()->setAttempts(25);
        m_panel->resize(560, 820);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        QTest::qWait(50); // the client's deleteLater
        if (m_runtime)
            QCOMPARE(m_runtime->stop(), 0);
        QDir(DevicePanel::backupDirectory()).removeRecursively();
    }

    void portList()
    {
        const QString host = m_link->hostPath();
        auto *ports = child<QComboBox>("portBox");
        QVERIFY(!m_panel->portPaths().contains(host));
        QCOMPARE(ports->itemText(ports->count() - 1), QStringLiteral("Other port…"));

        m_panel->addVirtualPort(host, QStringLiteral("Virtual module"));
        QVERIFY(m_panel->portPaths().contains(host));
        QVERIFY(ports->findText(QStringLiteral("Virtual module")) >= 0);
        m_panel->addVirtualPort(host, QStringLiteral("Virtual module (sim)"));
        QCOMPARE(m_panel->portPaths().count(host), 1);
        QVERIFY(ports->findText(QStringLiteral("Virtual module (sim)")) >= 0);
        m_panel->removeVirtualPort(host);
        QVERIFY(!m_panel->portPaths().contains(host));
        m_panel->addVirtualPort(host, QStringLiteral("Virtual module"));

        // "Other port…" shows the path field; with no path there is nothing to connect to.
        ports->setCurrentIndex(ports->count() - 1);
        QVERIFY(child<QLineEdit>("otherPort")->isVisible());
        child<QLineEdit>("otherPort")->clear();
        QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
        m_panel->selectPort(host);
        QVERIFY(!child<QLineEdit>("otherPort")->isVisible());
        QVERIFY(child<QPushButton>("connectButton")->isEnabled());
        // Nothing to do on a module before connecting.
        QVERIFY(!child<QPushButton>("pushButton")->isEnabled());
        QVERIFY(!child<QPushButton>("pullButton")->isEnabled());
        QVERIFY(!child<QPushButton>("cancelButton")->isEnabled());
    }

    void noModuleOnPort()
    {
        QSignalSpy finished(m_panel.get(), &DevicePanel::operationFinished);
        m_panel->selectPort(QStringLiteral("/dev/nonexistent-tty"));
        QVERIFY(child<QLineEdit>("otherPort")->isVisible());
        QTest::keyClick(child<QLineEdit>("otherPort"), Qt::Key_Return);
        QVERIFY(waitIdle());
        QVERIFY(!m_panel->isConnected());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(m_panel->statusMessage().contains(u"No module on this port"), qPrintable(m_panel->statusMessage()));
        QVERIFY2(m_panel->statusMessage().contains(u"/dev/nonexistent-tty"), qPrintable(m_panel->statusMessage()));
    }

    void versionMismatch_data()
    {
        QTest::addColumn<int>("oldest");
        QTest::addColumn<int>("newest");
        QTest::addColumn<QString>("advice");
        QTest::addRow("Studio newer than the module") << Protocol::kVersion + 1 << Protocol::kVersion + 2 << QStringLiteral("update the module");
        QTest::addRow("Studio older than the module") << 0 << Protocol::kOldestVersion - 1 << QStringLiteral("update this program");
    }

    void versionMismatch()
    {
        QFETCH(int, oldest);
        QFETCH(int, newest);
        QFETCH(QString, advice);
        m_panel->client()->setProtocolRange(oldest, newest);
        m_panel->selectPort(m_link->hostPath());
        click("connectButton");
        QVERIFY(waitIdle());
        m_panel->client()->setProtocolRange(Protocol::kOldestVersion, Protocol::kVersion);
        QVERIFY(!m_panel->isConnected());
        const QString message = m_panel->statusMessage();
        QVERIFY2(message.contains(u"different protocol versions"), qPrintable(message));
        QVERIFY2(message.contains(advice, Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(m_panel->logText().contains(message));
    }

    void connectShowsInfo()
    {
        QSignalSpy connected(m_panel.get(), &DevicePanel::connectedChanged);
        QSignalSpy busy(m_panel.get(), &DevicePanel::busyChanged);
        QVERIFY(connectPanel());
        QCOMPARE(connected.count(), 1);
        QCOMPARE(connected.first().at(0).toBool(), true);
        QVERIFY(busy.count() >= 2);
        QCOMPARE(busy.last().at(0).toBool(), false);
        QCOMPARE(m_panel->connectedPort(), m_link->hostPath());
        QVERIFY(m_panel->deviceInfo());
        QVERIFY(m_panel->deviceInfo()->freeBytes > 0);

        QVERIFY(child<QLabel>("moduleLabel")->text().contains(u"Virtual module"));
        QVERIFY(child<QLabel>("moduleLabel")->text().contains(QDir::toNativeSeparators(m_link->hostPath())));
        QVERIFY(child<QLabel>("protocolLabel")->text().startsWith(QStringLiteral("%1, protocol %2").arg(m_panel->client()->hello().software).arg(Protocol::kVersion)));
        QVERIFY2(child<QLabel>("modelLabel")->text().contains(u"Impact"), qPrintable(child<QLabel>("modelLabel")->text()));
        QVERIFY2(child<QLabel>("bankLabel")->text().contains(u"factory.json"), qPrintable(child<QLabel>("bankLabel")->text()));
        QVERIFY(child<QLabel>("storageLabel")->text().contains(u"free of"));
        QCOMPARE(target(), QStringLiteral("factory.json"));
        QCOMPARE(child<QPushButton>("connectButton")->text(), QStringLiteral("Disconnect"));
        QVERIFY(!child<QComboBox>("portBox")->isEnabled());
        QVERIFY(child<QPushButton>("pullButton")->isEnabled());
        QVERIFY(!child<QPushButton>("pushButton")->isEnabled()); // no bank given yet
        QVERIFY(m_panel->statusMessage().contains(u"Connected to neurorack-runtime"));
    }

    void pushWithBackup_data()
    {
        QTest::addColumn<Bank>("bank");
        QTest::addRow("factory bank") << *Factory::bank();
        QTest::addRow("128 presets") << makeBank(11, 128);
    }

    void pushWithBackup()
    {
        QFETCH(Bank, bank);
        QVERIFY(m_panel->isConnected());
        setChecked("backupBox", true);
        QVERIFY(m_panel->backupBeforePush());
        const QString file = target();
        QCOMPARE(file, m_panel->deviceInfo()->bankFile);
        const auto previous = DocumentFile::loadBank(moduleFile(file));
        QVERIFY2(previous, qPrintable(previous.errorString()));
        const QString backupBefore = m_panel->lastBackupPath();

        m_panel->setBank(bank);
        QVERIFY(child<QPushButton>("pushButton")->isEnabled());
        QList<int> values;
        connect(child<QProgressBar>("progressBar"), &QProgressBar::valueChanged, this, [&](int v) { values.append(v); });
        QSignalSpy finished(m_panel.get(), &DevicePanel::operationFinished);
        StallProbe probe;
        click("pushButton");
        QVERIFY(m_panel->isBusy());
        QVERIFY(!child<QPushButton>("pushButton")->isEnabled());
        QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
        QVERIFY(child<QPushButton>("cancelButton")->isEnabled());
        QVERIFY(waitIdle());
        disconnect(child<QProgressBar>("progressBar"), nullptr, this, nullptr);
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(m_panel->statusMessage()));
        QVERIFY2(m_panel->statusMessage().startsWith(QStringLiteral("Pushed \"%1\"").arg(bank.name())), qPrintable(m_panel->statusMessage()));
        qInfo("UI stalled at most %lld ms during the push", probe.longestMs());
        QVERIFY(probe.longestMs() < kMaxStallMs);

        // The bar went up to 100 % for the push (after the backup's own run) and stays there.
        QVERIFY(!values.isEmpty());
        QCOMPARE(values.last(), 100);
        QVERIFY(values.lastIndexOf(0) >= 0 && values.lastIndexOf(0) < values.size() - 1);
        QVERIFY(std::is_sorted(values.begin() + values.lastIndexOf(0), values.end()));
        QVERIFY2(child<QProgressBar>("progressBar")->text().contains(u"100%"), qPrintable(child<QProgressBar>("progressBar")->text()));
        QVERIFY(child<QProgressBar>("progressBar")->text().contains(u" of "));

        // The overwritten bank was backed up first, named after the port and the time.
        const QString backup = m_panel->lastBackupPath();
        QVERIFY(!backup.isEmpty() && backup != backupBefore);
        QCOMPARE(QFileInfo(backup).absolutePath(), QFileInfo(DevicePanel::backupDirectory()).absoluteFilePath());
        QVERIFY2(QRegularExpression(QStringLiteral("^host\\.tty-\\d{8}-\\d{6}(-\\d+)?\\.json$")).match(QFileInfo(backup).fileName()).hasMatch(),
                 qPrintable(backup));
        const auto saved = DocumentFile::loadBank(backup);
        QVERIFY2(saved, qPrintable(saved.errorString()));
        QCOMPARE(*saved, *previous);
        QVERIFY(m_panel->logText().contains(QDir::toNativeSeparators(backup)));

        // The module holds and plays the new bank.
        QCOMPARE(*DocumentFile::loadBank(moduleFile(file)), bank);
        QCOMPARE(m_panel->deviceInfo()->bankName, bank.name());
        QVERIFY(child<QLabel>("bankLabel")->text().contains(bank.name()));

        // Pulled back, it is the bank that was pushed.
        QSignalSpy pulled(m_panel.get(), &DevicePanel::bankPulled);
        click("pullButton");
        QVERIFY(waitIdle());
        QCOMPARE(pulled.count(), 1);
        QCOMPARE(pulled.first().at(0).value<Bank>(), bank);
        QVERIFY(pulled.first().at(1).toString().contains(file));
        QVERIFY(m_panel->statusMessage().startsWith(u"Pulled"));
    }

    void cancelMidPush()
    {
        QVERIFY(m_panel->isConnected());
        setChecked("backupBox", false);
        const QString file = target();
        const QByteArray before = *DocumentFile::readFile(moduleFile(file));
        m_panel->client()->setChunkSize(2048);
        m_panel->setBank(makeBank(41, 60));
        bool clicked = false;
        bool othersDisabled = true;
        connect(child<QProgressBar>("progressBar"), &QProgressBar::valueChanged, this, [&](int v) {
            if (clicked || v <= 0 || v >= 100)
                return;
            othersDisabled = !child<QPushButton>("pushButton")->isEnabled() && !child<QPushButton>("pullButton")->isEnabled()
                && !child<QPushButton>("uploadButton")->isEnabled() && !child<QPushButton>("connectButton")->isEnabled();
            clicked = true;
            click("cancelButton");
        });
        click("pushButton");
        QVERIFY(waitIdle());
        disconnect(child<QProgressBar>("progressBar"), nullptr, this, nullptr);
        m_panel->client()->setChunkSize(0);
        QVERIFY(clicked);
        QVERIFY(othersDisabled);
        QVERIFY2(m_panel->statusMessage().contains(u"Cancelled: the module keeps what it had"), qPrintable(m_panel->statusMessage()));
        QCOMPARE(*DocumentFile::readFile(moduleFile(file)), before);
        QCOMPARE(QDir(m_data + QStringLiteral("/.staging")).entryList(QDir::Files), QStringList());
        QVERIFY(m_panel->isConnected());
        QVERIFY(child<QPushButton>("pushButton")->isEnabled());
        QVERIFY(!child<QPushButton>("cancelButton")->isEnabled());
        setChecked("backupBox", true);
    }

    void playSlot()
    {
        QVERIFY(m_panel->isConnected());
        const auto playing = DocumentFile::loadBank(moduleFile(m_panel->deviceInfo()->bankFile));
        QVERIFY(playing);
        const int slot = playing->filledSlots().last();
        const qint64 triggers = m_runtime->status().value(QStringLiteral("triggers")).toInteger();
        child<QSpinBox>("slotBox")->setValue(slot);
        click("playButton");
        QVERIFY(waitIdle());
        QVERIFY2(m_panel->statusMessage().contains(QStringLiteral("plays slot %1: %2").arg(slot).arg(playing->preset(slot)->name)),
                 qPrintable(m_panel->statusMessage()));
        QVERIFY(m_runtime->waitFor([&](const QJsonObject &s) { return s.value(QStringLiteral("triggers")).toInteger() > triggers; }));
        // An empty slot: the module's reason.
        const int empty = playing->firstEmptySlot();
        if (empty >= 0) {
            m_panel->playSlot(empty);
            QVERIFY(waitIdle());
            QVERIFY2(m_panel->statusMessage().startsWith(u"The module refused"), qPrintable(m_panel->statusMessage()));
            QVERIFY(m_panel->isConnected());
        }
    }

    void uploadModel_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("says");
        QTest::addRow("the shipped model") << QStringLiteral("studio-test.pt") << *DocumentFile::readFile(ImpactEngine::defaultModelPath()) << true
                                           << QStringLiteral("Uploaded models/studio-test.pt");
        QTest::addRow("not a model") << QStringLiteral("broken.pt") << QByteArray("not a model at all") << false << QStringLiteral("The module refused");
    }

    void uploadModel()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, accepted);
        QFETCH(QString, says);
        QVERIFY(m_panel->isConnected());
        const QString path = m_dir.filePath(name);
        QVERIFY(DocumentFile::writeFileAtomically(path, bytes).isEmpty());
        const QString model = m_panel->deviceInfo()->model;
        setChecked("activateBox", false);
        m_panel->uploadModel(path);
        QVERIFY(waitIdle());
        setChecked("activateBox", true);
        QVERIFY2(m_panel->statusMessage().startsWith(says), qPrintable(m_panel->statusMessage()));
        QVERIFY(m_panel->isConnected());
        QCOMPARE(m_panel->deviceInfo()->model, model);
        const auto &models = m_panel->deviceInfo()->models;
        const bool listed = std::any_of(models.begin(), models.end(), [&](const DeviceFile &f) { return f.file == name; });
        QCOMPARE(listed, accepted);
    }

    void screenshot()
    {
        QVERIFY(m_panel->isConnected());
        m_panel->setBank(*Factory::bank());
        QDir().mkpath(QStringLiteral(NEURORACK_BINARY_DIR "/screenshots"));
        QTest::qWait(100); // layout requests and repaints after the last message
        QVERIFY(child<QLabel>("statusLabel")->height() > 0);
        const QImage image = m_panel->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(QStringLiteral(NEURORACK_BINARY_DIR "/screenshots/device-panel.png")));
    }

    void unplugMidPush()
    {
        QVERIFY(m_panel->isConnected());
        setChecked("backupBox", false);
        const QString file = target();
        const QByteArray before = *DocumentFile::readFile(moduleFile(file));
        const Bank bank = makeBank(51, 60);
        m_panel->setBank(bank);
        m_panel->client()->setChunkSize(2048);
        QSignalSpy connected(m_panel.get(), &DevicePanel::connectedChanged);
        PtyLink::Faults faults;
        faults.unplugAtFrame = 6; // PUSH_BEGIN and five chunks go through
        m_link->setFaults(PtyLink::ToModule, faults);
        StallProbe probe;
        click("pushButton");
        QVERIFY(waitIdle());
        m_link->clearFaults();
        const QString message = m_panel->statusMessage();
        QVERIFY2(message.contains(u"link to the module was lost") || message.contains(u"stopped answering"), qPrintable(message));
        QVERIFY2(message.contains(u"run the same transfer again to resume"), qPrintable(message));
        QVERIFY(!m_panel->isConnected());
        QCOMPARE(connected.count(), 1);
        QCOMPARE(connected.first().at(0).toBool(), false);
        qInfo("UI stalled at most %lld ms while the cable was pulled", probe.longestMs());
        QVERIFY(probe.longestMs() < kMaxStallMs);
        // The UI is usable: connect again is offered, transfers are not.
        QVERIFY(child<QPushButton>("connectButton")->isEnabled());
        QCOMPARE(child<QPushButton>("connectButton")->text(), QStringLiteral("Connect"));
        QVERIFY(!child<QPushButton>("pushButton")->isEnabled());
        QVERIFY(!child<QPushButton>("cancelButton")->isEnabled());
        QCOMPARE(*DocumentFile::readFile(moduleFile(file)), before);

        // Plugged back in, the same push resumes and completes.
        QVERIFY(m_link->replug());
        QVERIFY(connectPanel());
        QCOMPARE(target(), file);
        click("pushButton");
        QVERIFY(waitIdle());
        m_panel->client()->setChunkSize(0);
        QVERIFY2(m_panel->statusMessage().startsWith(u"Pushed"), qPrintable(m_panel->statusMessage()));
        QCOMPARE(*DocumentFile::loadBank(moduleFile(file)), bank);
        qInfo("resumed push sent %lld of %lld bytes", m_panel->client()->stats().payloadSent, cborSize(bank));
        QVERIFY(m_panel->client()->stats().payloadSent < cborSize(bank));
        setChecked("backupBox", true);
    }

    void destroyedWhileBusy()
    {
        QVERIFY(m_panel->isConnected());
        const QString file = m_panel->deviceInfo()->bankFile;
        click("connectButton"); // the first panel lets go of the port
        QVERIFY(!m_panel->isConnected());
        const auto before = DocumentFile::loadBank(moduleFile(file));
        QVERIFY(before);

        QPointer<DevicePanel> other = new DevicePanel;
        other->client()->setReplyTimeout(150ms);
        other->client()->setChunkSize(2048);
        other->setBackupBeforePush(false);
        other->addVirtualPort(m_link->hostPath(), QStringLiteral("Virtual module"));
        other->selectPort(m_link->hostPath());
        other->connectToModule();
        QVERIFY(waitIdle(other));
        QVERIFY2(other->isConnected(), qPrintable(other->statusMessage()));
        const Bank bank = makeBank(61, 60);
        other->setBank(bank);
        connect(other->client(), &DeviceClient::progress, other, [&](qint64 done, qint64 total) {
            if (done > 0 && done < total)
                delete other;
        });
        other->pushBank();
        QVERIFY(QTest::qWaitFor([&] { return other.isNull(); }, kOperationMs));
        // The push stops by itself; the module holds one whole bank, and the port is free again.
        QTest::qWait(1500);
        const auto after = DocumentFile::loadBank(moduleFile(file));
        QVERIFY2(after, qPrintable(after.errorString()));
        QVERIFY(*after == *before || *after == bank);
        QVERIFY(connectPanel());
        QVERIFY(m_panel->deviceInfo());
    }
};

QTEST_MAIN(TestDevicePanel)
#include "tst_devicepanel.moc"
