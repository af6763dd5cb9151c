// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"
#include "protocol/deviceclient.h"

#include <QCoro/QCoroTask>

#include <QList>
#include <QString>
#include <QWidget>

#include <chrono>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace neurorack::studio {

/// The device panel: finds Neurorack modules by their USB ids (and the ports the app
/// adds, such as the virtual module's pty), connects to one, shows what it runs and
/// holds, pushes the open bank (after backing up the bank it overwrites), pulls banks,
/// uploads models and plays slots.
///
/// Everything that talks to the module is a QCoro coroutine over the DeviceClient
/// shared with the CLI; the UI never waits on the link. One operation runs at a time:
/// while it does, every button but Cancel is disabled. A coroutine that outlives the
/// panel finishes on its own (cancelled) and touches nothing of it.
class DevicePanel : public QWidget
{
    Q_OBJECT

public:
    /// How often the USB ports are scanned for modules coming and going.
    static constexpr std::chrono::milliseconds kScanInterval{2000};
    /// Lines kept in the log view.
    static constexpr int kLogLines = 2000;

    explicit DevicePanel(QWidget *parent = nullptr);
    ~DevicePanel() override;

    /// The bank that "Push" sends (the open document). Copied; later changes to the
    /// caller's bank need another call.
    void setBank(const neurorack::Bank &bank);

    /// Adds a port the scan cannot find (the virtual module's pty), shown as @p label.
    /// Adding a path again changes its label.
    void addVirtualPort(const QString &path, const QString &label);
    /// Removes a port added by addVirtualPort(); disconnects first if it is the one in use.
    void removeVirtualPort(const QString &path);
    /// The ports offered, in list order (device files, "/dev/ttyACM0").
    QStringList portPaths() const;
    /// Selects @p path in the port list (a path that is not listed goes in "Other port…").
    void selectPort(const QString &path);

    /// Whether a push first saves the bank it overwrites ("Back up before push";
    /// remembered in QSettings; default on).
    bool backupBeforePush() const;
    void setBackupBeforePush(bool enabled);
    /// Where backups go: AppDataLocation/backups.
    static QString backupDirectory();
    /// The last backup written (empty: none yet).
    QString lastBackupPath() const { return m_lastBackup; }

    bool isConnected() const;
    bool isBusy() const { return m_busy; }
    /// The port of the current connection (empty when not connected).
    QString connectedPort() const;
    /// What the module said last time it was asked (none when not connected).
    const std::optional<DeviceInfo> &deviceInfo() const { return m_info; }
    /// The message of the last operation, as shown under the progress bar.
    QString statusMessage() const;
    /// The log view's text, one "[hh:mm:ss] message" line per entry.
    QString logText() const;

    /// The link's client, for its timing and chunk settings (reply timeout, tries,
    /// chunk size, protocol range). Owned by the panel; do not open or close it.
    DeviceClient *client() const { return m_client.get(); }

public Q_SLOTS:
    /// Connects to the port selected in the list.
    void connectToModule();
    void disconnectFromModule();
    /// Pushes the bank given by setBank() as the module's file chosen in the panel
    /// (default: the bank it plays), backing that file up first when it exists.
    void pushBank();
    /// Pulls the module's file chosen in the panel; bankPulled() brings it.
    void pullBank();
    /// Asks for a model file and uploads it.
    void chooseAndUploadModel();
    /// Uploads the model file @p path (a TorchScript .pt with its neurorack.json).
    void uploadModel(const QString &path);
    /// Plays @p slot (0–127) of the module's bank, as a gate would.
    void playSlot(int slot);
    /// Stops the running transfer after the chunk in flight; the module keeps what it had.
    void cancel();
    /// Scans the USB ports now (the panel does so every kScanInterval).
    void refreshPorts();

Q_SIGNALS:
    /// A bank pulled from the module; @p source names it ("live.json on ttyACM0").
    void bankPulled(const neurorack::Bank &bank, const QString &source);
    void busyChanged(bool busy);
    void connectedChanged(bool connected);
    /// An operation ended: whether it succeeded and the message shown for it.
    void operationFinished(bool ok, const QString &message);

private:
    enum class Operation { Connect, Info, Push, Pull, Upload, Play, Backup };
    struct PortEntry {
        QString path;
        QString label;
        QString serialNumber; ///< USB modules only
        bool isVirtual = false;
    };
    class BusyScope;

    void buildUi();
    void updateActions();
    void setBusy(bool busy, bool cancellable = false);
    void setConnected(bool connected, const QString &path = {});
    void rebuildPortList();
    QString selectedPath() const;
    void showInfo();
    void log(const QString &message);
    void finish(bool ok, const QString &message);
    void startStage(const QString &what);
    void onProgress(qint64 done, qint64 total);
    void checkLink();
    void saveSettings() const;
    /// The module's file that push and pull work on.
    QString targetFile() const;
    QString backupName() const;
    QString portLabel(const QString &path) const;
    QString failureText(const SyncError &error, Operation operation) const;
    /// Ends the connection after a LinkLost or NoAnswer.
    void dropLink(const SyncError &error);

    QCoro::Task<> scanTask();
    QCoro::Task<> connectTask(QString path);
    QCoro::Task<> pushTask();
    QCoro::Task<> pullTask();
    QCoro::Task<> uploadTask(QString path);
    QCoro::Task<> playTask(int slot);
    /// Asks the module for its info and shows it; false (after saying why) when it failed.
    QCoro::Task<bool> refreshInfo();

    std::shared_ptr<DeviceClient> m_client;
    std::optional<Bank> m_bank;
    std::optional<DeviceInfo> m_info;
    QList<ModulePort> m_found;
    QList<PortEntry> m_virtual;
    QList<PortEntry> m_ports;
    QString m_lastBackup;
    QString m_connectedPath;
    /// Why the last connection ended, when it was lost rather than closed.
    QString m_lostMessage;
    bool m_busy = false;
    bool m_cancellable = false;
    bool m_scanning = false;

    QTimer *m_scanTimer = nullptr;
    QComboBox *m_portBox = nullptr;
    QLineEdit *m_otherPort = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_linkLabel = nullptr;
    QFormLayout *m_infoForm = nullptr;
    QLabel *m_moduleLabel = nullptr;
    QLabel *m_protocolLabel = nullptr;
    QLabel *m_modelLabel = nullptr;
    QLabel *m_bankLabel = nullptr;
    QLabel *m_storedLabel = nullptr;
    QLabel *m_storageLabel = nullptr;
    QComboBox *m_fileBox = nullptr;
    QLabel *m_pushSource = nullptr;
    QCheckBox *m_backupBox = nullptr;
    QCheckBox *m_activateBox = nullptr;
    QPushButton *m_pushButton = nullptr;
    QPushButton *m_pullButton = nullptr;
    QPushButton *m_uploadButton = nullptr;
    QSpinBox *m_slotBox = nullptr;
    QPushButton *m_playButton = nullptr;
    QLabel *m_stageLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_log = nullptr;
};

} // namespace neurorack::studio
