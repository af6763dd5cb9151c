// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicepanel.h"

#include "io/documentfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFuture>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoro/QCoroFuture>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDevicePanel, "neurorack.studio.device", QtInfoMsg)

namespace neurorack::studio {

namespace {

// GCC 12's coroutines destroy temporaries that live across a co_await twice: futures and
// lambdas are named locals before they are awaited, and tasks co_return exactly their type.

const QString kBackupSetting = QStringLiteral("devicePanel/backupBeforePush");
const QString kActivateSetting = QStringLiteral("devicePanel/activate");
/// The last item of the port list: a path typed by hand.
constexpr int kOtherPortRole = Qt::UserRole + 1;
constexpr int kPathRole = Qt::UserRole;
/// The highest slot of a bank (slots are 0–127).
constexpr int kLastSlot = 127;
/// The largest model file the panel reads (the module's own limit, docs/protocol.md).
constexpr qint64 kMaxModelBytes = 1024LL * 1024 * 1024;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

/// The core's messages start in lower case (they follow a "neurorack device: " prefix
/// in the CLI); here they stand alone.
QString sentence(QString text)
{
    if (text.isEmpty())
        return text;
    text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) && !text.endsWith(QLatin1Char('?')))
        text.append(QLatin1Char('.'));
    return text;
}

/// A device path for a port name as QSerialPort resolves it ("ttyACM0" → "/dev/ttyACM0").
QString devicePath(const QString &port)
{
    return port.startsWith(QLatin1Char('/')) ? port : QStringLiteral("/dev/") + port;
}

/// A model read from disk on a worker thread: its bytes or why not.
struct ModelFile {
    QByteArray bytes;
    QString error;
};

ModelFile readModel(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, file.errorString()};
    if (file.size() > kMaxModelBytes)
        return {{}, QCoreApplication::translate("neurorack::studio::DevicePanel", "the file is larger than a model may be (1 GB)")};
    ModelFile model;
    model.bytes = file.readAll();
    if (model.bytes.isEmpty())
        model.error = QCoreApplication::translate("neurorack::studio::DevicePanel", "the file is empty");
    return model;
}

} // namespace

/// Marks the panel busy for the lifetime of one operation's coroutine, and idle again
/// when it ends, unless the panel is gone by then.
class DevicePanel::BusyScope
{
public:
    BusyScope(DevicePanel *panel, bool cancellable)
        : m_panel(panel)
    {
        m_panel->setBusy(true, cancellable);
    }
    ~BusyScope()
    {
        if (m_panel)
            m_panel->setBusy(false);
    }
    BusyScope(const BusyScope &) = delete;
    BusyScope &operator=(const BusyScope &) = delete;

private:
    QPointer<DevicePanel> m_panel;
};

DevicePanel::DevicePanel(QWidget *parent)
    : QWidget(parent)
    // Not a child of the panel: a coroutine still running when the panel goes keeps
    // its own reference and the client is deleted once that coroutine has let go.
    , m_client(new DeviceClient, [](DeviceClient *client) { client->deleteLater(); })
{
    buildUi();
    connect(m_client.get(), &DeviceClient::progress, this, &DevicePanel::onProgress);

    m_scanTimer = new QTimer(this);
    m_scanTimer->setInterval(kScanInterval);
    connect(m_scanTimer, &QTimer::timeout, this, &DevicePanel::refreshPorts);
    m_scanTimer->start();
    rebuildPortList();
    updateActions();
    refreshPorts();
}

DevicePanel::~DevicePanel()
{
    // A running transfer stops after its chunk in flight; the module keeps what it had.
    m_client->cancel();
    if (!m_busy)
        m_client->close();
}

void DevicePanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *linkGroup = new QGroupBox(tr("Module"), this);
    auto *linkLayout = new QVBoxLayout(linkGroup);
    auto *portRow = new QHBoxLayout;
    m_portBox = new QComboBox(linkGroup);
    m_portBox->setObjectName(QStringLiteral("portBox"));
    m_portBox->setToolTip(tr("Modules found by their USB ids (refreshed every few seconds), ports added by Studio, or a port of your choice"));
    m_portBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_portBox->setMinimumContentsLength(18);
    m_otherPort = new QLineEdit(linkGroup);
    m_otherPort->setObjectName(QStringLiteral("otherPort"));
    m_otherPort->setPlaceholderText(tr("/dev/ttyACM0"));
    m_otherPort->setToolTip(tr("The serial port of the module"));
    m_otherPort->setVisible(false);
    m_connectButton = new QPushButton(tr("Connect"), linkGroup);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    portRow->addWidget(m_portBox, 1);
    portRow->addWidget(m_otherPort, 1);
    portRow->addWidget(m_connectButton);
    linkLayout->addLayout(portRow);
    m_linkLabel = new QLabel(linkGroup);
    m_linkLabel->setObjectName(QStringLiteral("linkLabel"));
    m_linkLabel->setWordWrap(true);
    linkLayout->addWidget(m_linkLabel);
    layout->addWidget(linkGroup);

    auto *infoGroup = new QGroupBox(tr("On the module"), this);
    m_infoForm = new QFormLayout(infoGroup);
    const auto infoLabel = [&](const QString &name) {
        auto *label = new QLabel(infoGroup);
        label->setObjectName(name);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    m_moduleLabel = infoLabel(QStringLiteral("moduleLabel"));
    m_protocolLabel = infoLabel(QStringLiteral("protocolLabel"));
    m_modelLabel = infoLabel(QStringLiteral("modelLabel"));
    m_bankLabel = infoLabel(QStringLiteral("bankLabel"));
    m_storedLabel = infoLabel(QStringLiteral("storedLabel"));
    m_storageLabel = infoLabel(QStringLiteral("storageLabel"));
    m_infoForm->addRow(tr("Module:"), m_moduleLabel);
    m_infoForm->addRow(tr("Versions:"), m_protocolLabel);
    m_infoForm->addRow(tr("Model:"), m_modelLabel);
    m_infoForm->addRow(tr("Bank:"), m_bankLabel);
    m_infoForm->addRow(tr("Stored:"), m_storedLabel);
    m_infoForm->addRow(tr("Storage:"), m_storageLabel);
    layout->addWidget(infoGroup);

    auto *transferGroup = new QGroupBox(tr("Banks and models"), this);
    auto *transferForm = new QFormLayout(transferGroup);
    m_fileBox = new QComboBox(transferGroup);
    m_fileBox->setObjectName(QStringLiteral("fileBox"));
    m_fileBox->setEditable(true);
    m_fileBox->setInsertPolicy(QComboBox::NoInsert);
    m_fileBox->setToolTip(tr("The bank file on the module that Push replaces and Pull fetches (default: the one it plays)"));
    transferForm->addRow(tr("Bank file on the module:"), m_fileBox);
    m_pushSource = new QLabel(transferGroup);
    m_pushSource->setObjectName(QStringLiteral("pushSource"));
    m_pushSource->setWordWrap(true);
    transferForm->addRow(tr("Bank to push:"), m_pushSource);
    m_backupBox = new QCheckBox(tr("Back up before push"), transferGroup);
    m_backupBox->setObjectName(QStringLiteral("backupBox"));
    m_backupBox->setToolTip(tr("Saves the module's bank that a push replaces to %1 first").arg(QDir::toNativeSeparators(backupDirectory())));
    m_activateBox = new QCheckBox(tr("Play it on the module"), transferGroup);
    m_activateBox->setObjectName(QStringLiteral("activateBox"));
    m_activateBox->setToolTip(tr("Switch the module to the pushed bank or uploaded model"));
    {
        const QSettings settings;
        m_backupBox->setChecked(settings.value(kBackupSetting, true).toBool());
        m_activateBox->setChecked(settings.value(kActivateSetting, true).toBool());
    }
    auto *boxes = new QHBoxLayout;
    boxes->addWidget(m_backupBox);
    boxes->addWidget(m_activateBox);
    boxes->addStretch();
    transferForm->addRow(boxes);
    auto *buttons = new QHBoxLayout;
    m_pushButton = new QPushButton(tr("Push bank"), transferGroup);
    m_pushButton->setObjectName(QStringLiteral("pushButton"));
    m_pushButton->setToolTip(tr("Send the open bank to the module"));
    m_pullButton = new QPushButton(tr("Pull bank"), transferGroup);
    m_pullButton->setObjectName(QStringLiteral("pullButton"));
    m_pullButton->setToolTip(tr("Open the module's bank as a new document"));
    m_uploadButton = new QPushButton(tr("Upload model…"), transferGroup);
    m_uploadButton->setObjectName(QStringLiteral("uploadButton"));
    m_uploadButton->setToolTip(tr("Send a model file (.pt) to the module; it checks the model before using it"));
    buttons->addWidget(m_pushButton);
    buttons->addWidget(m_pullButton);
    buttons->addWidget(m_uploadButton);
    transferForm->addRow(buttons);
    auto *playRow = new QHBoxLayout;
    m_slotBox = new QSpinBox(transferGroup);
    m_slotBox->setObjectName(QStringLiteral("slotBox"));
    m_slotBox->setRange(0, kLastSlot);
    m_playButton = new QPushButton(tr("Play"), transferGroup);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_playButton->setToolTip(tr("Play this slot of the module's bank, as a gate would"));
    playRow->addWidget(m_slotBox);
    playRow->addWidget(m_playButton);
    playRow->addStretch();
    transferForm->addRow(tr("Slot:"), playRow);
    layout->addWidget(transferGroup);

    m_stageLabel = new QLabel(this);
    m_stageLabel->setObjectName(QStringLiteral("stageLabel"));
    layout->addWidget(m_stageLabel);
    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stop the transfer; the module keeps what it had"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("logView"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kLogLines);
    m_log->setPlaceholderText(tr("What happens on the link shows here."));
    layout->addWidget(m_log, 1);

    connect(m_portBox, &QComboBox::currentIndexChanged, this, [this] {
        m_otherPort->setVisible(m_portBox->currentData(kOtherPortRole).toBool());
        updateActions();
    });
    connect(m_otherPort, &QLineEdit::textChanged, this, &DevicePanel::updateActions);
    connect(m_otherPort, &QLineEdit::returnPressed, this, &DevicePanel::connectToModule);
    connect(m_connectButton, &QPushButton::clicked, this, [this] {
        if (isConnected())
            disconnectFromModule();
        else
            connectToModule();
    });
    connect(m_pushButton, &QPushButton::clicked, this, &DevicePanel::pushBank);
    connect(m_pullButton, &QPushButton::clicked, this, &DevicePanel::pullBank);
    connect(m_uploadButton, &QPushButton::clicked, this, &DevicePanel::chooseAndUploadModel);
    connect(m_playButton, &QPushButton::clicked, this, [this] { playSlot(m_slotBox->value()); });
    connect(m_cancelButton, &QPushButton::clicked, this, &DevicePanel::cancel);
    connect(m_backupBox, &QCheckBox::toggled, this, &DevicePanel::saveSettings);
    connect(m_activateBox, &QCheckBox::toggled, this, &DevicePanel::saveSettings);
    connect(m_fileBox, &QComboBox::editTextChanged, this, &DevicePanel::updateActions);

    m_pushSource->setText(tr("none (open a bank first)"));
    showInfo();
}

void DevicePanel::setBank(const Bank &bank)
{
    m_bank = bank;
    m_pushSource->setText(tr("\"%1\", %n preset(s)", nullptr, bank.presetCount()).arg(bank.name()));
    updateActions();
}

void DevicePanel::addVirtualPort(const QString &path, const QString &label)
{
    const auto it = std::find_if(m_virtual.begin(), m_virtual.end(), [&](const PortEntry &e) { return e.path == path; });
    if (it != m_virtual.end())
        it->label = label;
    else
        m_virtual.append({path, label, {}, true});
    rebuildPortList();
}

void DevicePanel::removeVirtualPort(const QString &path)
{
    if (isConnected() && m_connectedPath == path && !m_busy)
        disconnectFromModule();
    m_virtual.removeIf([&](const PortEntry &e) { return e.path == path; });
    rebuildPortList();
}

QStringList DevicePanel::portPaths() const
{
    QStringList paths;
    for (const PortEntry &entry : m_ports)
        paths.append(entry.path);
    return paths;
}

void DevicePanel::selectPort(const QString &path)
{
    for (int i = 0; i < m_portBox->count(); ++i) {
        if (!m_portBox->itemData(i, kOtherPortRole).toBool() && m_portBox->itemData(i, kPathRole).toString() == path) {
            m_portBox->setCurrentIndex(i);
            return;
        }
    }
    m_portBox->setCurrentIndex(m_portBox->count() - 1);
    m_otherPort->setText(path);
}

bool DevicePanel::backupBeforePush() const
{
    return m_backupBox->isChecked();
}

void DevicePanel::setBackupBeforePush(bool enabled)
{
    m_backupBox->setChecked(enabled);
}

QString DevicePanel::backupDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/backups");
}

bool DevicePanel::isConnected() const
{
    return !m_connectedPath.isEmpty() && m_client->isOpen();
}

QString DevicePanel::connectedPort() const
{
    return isConnected() ? m_connectedPath : QString();
}

QString DevicePanel::statusMessage() const
{
    return m_status->text();
}

QString DevicePanel::logText() const
{
    return m_log->toPlainText();
}

void DevicePanel::saveSettings() const
{
    QSettings settings;
    settings.setValue(kBackupSetting, m_backupBox->isChecked());
    settings.setValue(kActivateSetting, m_activateBox->isChecked());
}

// --- state -----------------------------------------------------------------------------

void DevicePanel::setBusy(bool busy, bool cancellable)
{
    m_cancellable = busy && cancellable;
    if (busy == m_busy) {
        updateActions();
        return;
    }
    m_busy = busy;
    updateActions();
    Q_EMIT busyChanged(busy);
}

void DevicePanel::setConnected(bool connected, const QString &path)
{
    const bool was = !m_connectedPath.isEmpty();
    if (connected) {
        m_connectedPath = path;
    } else {
        m_connectedPath.clear();
        m_info.reset();
        showInfo();
    }
    m_connectButton->setText(connected ? tr("Disconnect") : tr("Connect"));
    updateActions();
    if (was != connected)
        Q_EMIT connectedChanged(connected);
}

void DevicePanel::updateActions()
{
    const bool connected = isConnected();
    const bool idle = !m_busy;
    m_portBox->setEnabled(idle && !connected);
    m_otherPort->setEnabled(idle && !connected);
    m_connectButton->setEnabled(idle && (connected || !selectedPath().isEmpty()));
    const bool ready = idle && connected;
    const bool haveFile = !m_fileBox->currentText().trimmed().isEmpty();
    m_fileBox->setEnabled(ready);
    m_pushButton->setEnabled(ready && m_bank.has_value() && haveFile);
    m_pullButton->setEnabled(ready && haveFile);
    m_uploadButton->setEnabled(ready);
    m_slotBox->setEnabled(ready);
    m_playButton->setEnabled(ready);
    m_backupBox->setEnabled(idle);
    m_activateBox->setEnabled(idle);
    m_cancelButton->setEnabled(m_busy && m_cancellable);

    if (connected) {
        m_linkLabel->setText(tr("Connected to %1 on %2.").arg(m_client->hello().software, QDir::toNativeSeparators(m_connectedPath)));
    } else if (m_busy) {
        m_linkLabel->setText(tr("Connecting…"));
    } else if (!m_lostMessage.isEmpty()) {
        m_linkLabel->setText(m_lostMessage);
    } else if (m_ports.isEmpty()) {
        m_linkLabel->setText(tr("No module found. Plug the module in with its USB cable and power the rack, or choose \"Other port…\"."));
    } else {
        m_linkLabel->setText(tr("Not connected."));
    }
}

QString DevicePanel::selectedPath() const
{
    if (m_portBox->currentIndex() < 0)
        return {};
    if (m_portBox->currentData(kOtherPortRole).toBool())
        return m_otherPort->text().trimmed();
    return m_portBox->currentData(kPathRole).toString();
}

QString DevicePanel::portLabel(const QString &path) const
{
    for (const PortEntry &entry : m_ports) {
        if (entry.path == path)
            return entry.label;
    }
    return QDir::toNativeSeparators(path);
}

void DevicePanel::rebuildPortList()
{
    QList<PortEntry> ports;
    for (const ModulePort &module : std::as_const(m_found)) {
        const QString label = module.serialNumber.isEmpty()
            ? tr("Neurorack module on %1").arg(module.portName)
            : tr("Neurorack module %1 on %2").arg(module.serialNumber, module.portName);
        ports.append({module.systemLocation, label, module.serialNumber, false});
    }
    for (const PortEntry &entry : std::as_const(m_virtual)) {
        if (std::none_of(ports.begin(), ports.end(), [&](const PortEntry &p) { return p.path == entry.path; }))
            ports.append(entry);
    }
    const auto same = [](const PortEntry &a, const PortEntry &b) { return a.path == b.path && a.label == b.label; };
    if (m_portBox->count() > 0 && ports.size() == m_ports.size() && std::equal(ports.begin(), ports.end(), m_ports.begin(), same))
        return;

    const bool wasOther = m_portBox->currentData(kOtherPortRole).toBool();
    const QString previous = m_portBox->currentData(kPathRole).toString();
    const bool hadModules = !m_ports.isEmpty();
    m_ports = ports;
    {
        const QSignalBlocker blocker(m_portBox);
        m_portBox->clear();
        for (const PortEntry &entry : std::as_const(m_ports)) {
            m_portBox->addItem(entry.label, entry.path);
            m_portBox->setItemData(m_portBox->count() - 1, QDir::toNativeSeparators(entry.path), Qt::ToolTipRole);
        }
        m_portBox->addItem(tr("Other port…"));
        m_portBox->setItemData(m_portBox->count() - 1, true, kOtherPortRole);
        int index = 0;
        if (wasOther && hadModules)
            index = m_portBox->count() - 1;
        for (int i = 0; i < m_ports.size(); ++i) {
            if (m_ports.at(i).path == previous)
                index = i;
        }
        m_portBox->setCurrentIndex(index);
    }
    m_otherPort->setVisible(m_portBox->currentData(kOtherPortRole).toBool());
    updateActions();
}

void DevicePanel::showInfo()
{
    const QString none = tr("—");
    if (!m_info) {
        for (QLabel *label : {m_moduleLabel, m_protocolLabel, m_modelLabel, m_bankLabel, m_storedLabel, m_storageLabel})
            label->setText(none);
        const QSignalBlocker blocker(m_fileBox);
        m_fileBox->clear();
        return;
    }
    const DeviceInfo &info = *m_info;
    m_moduleLabel->setText(tr("%1 (%2)").arg(portLabel(m_connectedPath), QDir::toNativeSeparators(devicePath(m_connectedPath))));
    const QString ours = Protocol::kOldestVersion == Protocol::kVersion
        ? QString::number(Protocol::kVersion)
        : QStringLiteral("%1–%2").arg(Protocol::kOldestVersion).arg(Protocol::kVersion);
    m_protocolLabel->setText(tr("%1, protocol %2 (Neurorack Studio %3, protocol %4)")
                                 .arg(info.runtime)
                                 .arg(info.protocol)
                                 .arg(QCoreApplication::applicationVersion().isEmpty() ? QStringLiteral(NEURORACK_VERSION)
                                                                                       : QCoreApplication::applicationVersion(),
                                      ours));
    m_modelLabel->setText(tr("%1 (%2, on %3)").arg(info.model, info.modelFile, info.modelDevice));
    m_bankLabel->setText(tr("\"%1\" (%2), slot %3").arg(info.bankName, info.bankFile).arg(info.slot));
    m_storedLabel->setText(tr("%n bank(s)", nullptr, int(info.banks.size())) + tr(", ") + tr("%n model(s)", nullptr, int(info.models.size())));
    m_storageLabel->setText(tr("%1 free of %2").arg(sizeText(info.freeBytes), sizeText(info.totalBytes)));

    // The bank file list: the module's banks; the choice stays unless it was the
    // playing bank (then it follows the playing bank).
    const QString current = m_fileBox->currentText().trimmed();
    const QString playing = m_fileBox->property("playing").toString();
    const QSignalBlocker blocker(m_fileBox);
    m_fileBox->clear();
    for (const DeviceFile &bank : info.banks) {
        m_fileBox->addItem(bank.file);
        m_fileBox->setItemData(m_fileBox->count() - 1, tr("\"%1\", %n preset(s)", nullptr, bank.presets).arg(bank.name), Qt::ToolTipRole);
    }
    m_fileBox->setEditText(current.isEmpty() || current == playing ? info.bankFile : current);
    m_fileBox->setProperty("playing", info.bankFile);
    updateActions();
}

QString DevicePanel::targetFile() const
{
    return m_fileBox->currentText().trimmed();
}

void DevicePanel::log(const QString &message)
{
    m_log->appendPlainText(QStringLiteral("[%1] %2").arg(QTime::currentTime().toString(QStringLiteral("hh:mm:ss")), message));
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    qCInfo(lcDevicePanel).noquote() << message;
}

void DevicePanel::finish(bool ok, const QString &message)
{
    m_stageLabel->clear();
    m_status->setText(message);
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #c0392b;"));
    log(message);
    Q_EMIT operationFinished(ok, message);
}

void DevicePanel::startStage(const QString &what)
{
    m_stageLabel->setText(what);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    log(what);
}

void DevicePanel::onProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    m_progress->setValue(static_cast<int>(done * 100 / total));
    //: %1 and %2 are sizes ("120 kB of 480 kB"); %p% is the percentage
    m_progress->setFormat(tr("%1 of %2 (%p%)").arg(sizeText(done), sizeText(total)));
}

QString DevicePanel::failureText(const SyncError &error, Operation operation) const
{
    const QString detail = sentence(error.message);
    const bool sending = operation == Operation::Push || operation == Operation::Upload;
    QString resume;
    if (sending)
        resume = tr("The module keeps what it had. Plug it back in, connect and run the same transfer again to resume where it stopped.");
    else if (operation == Operation::Pull || operation == Operation::Backup)
        resume = tr("Plug it back in, connect and try again.");
    else
        resume = tr("Check the cable and connect again.");

    switch (error.failure) {
    case SyncFailure::PortUnavailable:
        return tr("No module on this port. %1").arg(detail);
    case SyncFailure::NoAnswer:
        if (operation == Operation::Connect)
            return tr("Nothing answers on this port: is the module powered, and is this its port? %1").arg(detail);
        return tr("The module stopped answering. %1 %2").arg(resume, detail);
    case SyncFailure::LinkLost:
        return tr("The link to the module was lost: was the cable unplugged? %1").arg(resume);
    case SyncFailure::VersionMismatch:
        return tr("The module and Neurorack Studio speak different protocol versions. %1").arg(detail);
    case SyncFailure::Rejected: {
        QString reason = error.message;
        const QString prefix = QStringLiteral("the module refused: ");
        if (reason.startsWith(prefix))
            reason = reason.mid(prefix.size());
        // Not capitalised: the reason often starts with a file name.
        if (!reason.endsWith(QLatin1Char('.')))
            reason.append(QLatin1Char('.'));
        return tr("The module refused: %1").arg(reason);
    }
    case SyncFailure::Corrupted:
        return tr("The data arrived damaged; nothing was changed. Check the cable and try again. %1").arg(detail);
    case SyncFailure::Cancelled:
        if (operation == Operation::Backup)
            return tr("Cancelled during the backup: nothing was pushed.");
        if (sending)
            return tr("Cancelled: the module keeps what it had.");
        return tr("Cancelled.");
    case SyncFailure::Protocol:
        break;
    }
    return tr("The module's answer makes no sense to this program (%1). Update Neurorack Studio and the module's runtime.").arg(detail);
}

void DevicePanel::dropLink(const SyncError &error)
{
    if (error.failure != SyncFailure::LinkLost && error.failure != SyncFailure::NoAnswer)
        return;
    m_client->close();
    m_lostMessage = tr("The link was lost. Plug the module back in and connect again.");
    setConnected(false);
}

void DevicePanel::checkLink()
{
    if (m_busy || m_connectedPath.isEmpty())
        return;
    if (m_client->isOpen() && QFileInfo::exists(devicePath(m_connectedPath)))
        return;
    // Unplugged while idle: the port (or the pty's link) went away.
    m_client->close();
    m_lostMessage = tr("The link was lost. Plug the module back in and connect again.");
    setConnected(false);
    finish(false, tr("The module went away from %1: was the cable unplugged? Plug it back in and connect again.")
                      .arg(QDir::toNativeSeparators(devicePath(m_connectedPath))));
}

QString DevicePanel::backupName() const
{
    QString module;
    for (const PortEntry &entry : m_ports) {
        if (entry.path == m_connectedPath && !entry.serialNumber.isEmpty())
            module = QStringLiteral("neurorack-") + entry.serialNumber;
    }
    if (module.isEmpty())
        module = QFileInfo(m_connectedPath).fileName();
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    module.replace(unsafe, QStringLiteral("_"));
    const QString stem = module + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QDir dir(backupDirectory());
    QString name = stem + QStringLiteral(".json");
    for (int n = 2; dir.exists(name); ++n)
        name = stem + QStringLiteral("-%1.json").arg(n);
    return dir.filePath(name);
}

// --- operations ------------------------------------------------------------------------

void DevicePanel::refreshPorts()
{
    if (m_scanning)
        return;
    scanTask();
}

QCoro::Task<> DevicePanel::scanTask()
{
    QPointer<DevicePanel> self(this);
    m_scanning = true;
    // The port enumeration asks udev and sysfs: a worker thread does it.
    QFuture<QList<ModulePort>> scan = QtConcurrent::run(&DeviceClient::findModules);
    const QList<ModulePort> found = co_await scan;
    if (!self)
        co_return;
    m_scanning = false;
    const bool appeared = found.size() > m_found.size();
    m_found = found;
    rebuildPortList();
    if (appeared && !isConnected())
        m_lostMessage.clear();
    checkLink();
    updateActions();
}

void DevicePanel::connectToModule()
{
    const QString path = selectedPath();
    if (m_busy || isConnected() || path.isEmpty())
        return;
    connectTask(path);
}

void DevicePanel::disconnectFromModule()
{
    if (m_busy || m_connectedPath.isEmpty())
        return;
    const QString path = m_connectedPath;
    m_client->close();
    m_lostMessage.clear();
    setConnected(false);
    log(tr("Disconnected from %1.").arg(QDir::toNativeSeparators(path)));
}

QCoro::Task<> DevicePanel::connectTask(QString path)
{
    QPointer<DevicePanel> self(this);
    const std::shared_ptr<DeviceClient> client = m_client;
    BusyScope busy(this, false);
    m_lostMessage.clear();
    m_fileBox->setEditText(QString());
    m_fileBox->setProperty("playing", QString());
    log(tr("Connecting to %1…").arg(QDir::toNativeSeparators(path)));
    const auto hello = co_await client->open(path);
    if (!self)
        co_return;
    if (!hello) {
        finish(false, failureText(hello.error(), Operation::Connect));
        updateActions();
        co_return;
    }
    setConnected(true, path);
    const bool ok = co_await refreshInfo();
    if (!self || !ok)
        co_return;
    finish(true, tr("Connected to %1 on %2 (protocol %3).").arg(hello->software, portLabel(path)).arg(hello->version));
}

QCoro::Task<bool> DevicePanel::refreshInfo()
{
    QPointer<DevicePanel> self(this);
    const std::shared_ptr<DeviceClient> client = m_client;
    const auto info = co_await client->info();
    if (!self)
        co_return false;
    if (!info) {
        finish(false, failureText(info.error(), Operation::Info));
        dropLink(info.error());
        co_return false;
    }
    m_info = *info;
    showInfo();
    co_return true;
}

void DevicePanel::pushBank()
{
    if (m_busy || !isConnected() || !m_bank || targetFile().isEmpty())
        return;
    pushTask();
}

QCoro::Task<> DevicePanel::pushTask()
{
    QPointer<DevicePanel> self(this);
    const std::shared_ptr<DeviceClient> client = m_client;
    const Bank bank = *m_bank;
    const QString target = targetFile();
    const bool activate = m_activateBox->isChecked();
    const bool backup = m_backupBox->isChecked();
    BusyScope busy(this, true);
    m_status->clear();

    if (backup) {
        const bool exists = m_info && std::any_of(m_info->banks.begin(), m_info->banks.end(), [&](const DeviceFile &f) { return f.file == target; });
        if (!exists) {
            log(tr("The module has no %1 yet: nothing to back up.").arg(target));
        } else {
            startStage(tr("Backing up the module's %1…").arg(target));
            const auto old = co_await client->pullBank(target);
            if (!self)
                co_return;
            if (!old) {
                finish(false, failureText(old.error(), Operation::Backup) + QLatin1Char(' ') + tr("Nothing was pushed."));
                dropLink(old.error());
                co_return;
            }
            QDir().mkpath(backupDirectory());
            const QString path = backupName();
            // Encoding and writing a large bank takes a while: a worker thread does it.
            const Bank oldBank = *old;
            QFuture<QString> saving = QtConcurrent::run([path, oldBank] { return DocumentFile::saveBank(path, oldBank); });
            const QString error = co_await saving;
            if (!self)
                co_return;
            if (!error.isEmpty()) {
                finish(false, tr("Could not back up the module's %1 to %2: %3. Nothing was pushed; turn off \"Back up before push\" to push anyway.")
                                  .arg(target, QDir::toNativeSeparators(path), error));
                co_return;
            }
            m_lastBackup = path;
            log(tr("Backed up the module's %1 (\"%2\", %n preset(s)) to %3", nullptr, old->presetCount())
                    .arg(target, old->name(), QDir::toNativeSeparators(path)));
        }
    }

    startStage(tr("Pushing \"%1\" as %2…").arg(bank.name(), target));
    const qint64 sentBefore = client->stats().payloadSent;
    QElapsedTimer timer;
    timer.start();
    const auto reply = co_await client->pushBank(target, bank, activate);
    if (!self)
        co_return;
    if (!reply) {
        finish(false, failureText(reply.error(), Operation::Push));
        dropLink(reply.error());
        co_return;
    }
    const qint64 sent = client->stats().payloadSent - sentBefore;
    m_progress->setValue(m_progress->maximum());
    setBusy(true, false); // nothing left to cancel
    const QString seconds = QLocale().toString(double(timer.elapsed()) / 1000.0, 'f', 2);
    const QString message = reply->active
        ? tr("Pushed \"%1\" to %2 (%3): %4 sent in %5 s. The module plays it now.").arg(bank.name(), reply->file, reply->summary, sizeText(sent), seconds)
        : tr("Pushed \"%1\" to %2 (%3): %4 sent in %5 s.").arg(bank.name(), reply->file, reply->summary, sizeText(sent), seconds);
    co_await refreshInfo();
    if (!self)
        co_return;
    finish(true, message);
}

void DevicePanel::pullBank()
{
    if (m_busy || !isConnected() || targetFile().isEmpty())
        return;
    pullTask();
}

QCoro::Task<> DevicePanel::pullTask()
{
    QPointer<DevicePanel> self(this);
    const std::shared_ptr<DeviceClient> client = m_client;
    const QString file = targetFile();
    const QString source = tr("%1 on %2").arg(file, portLabel(m_connectedPath));
    BusyScope busy(this, true);
    m_status->clear();
    startStage(tr("Pulling %1…").arg(file));
    const auto bank = co_await client->pullBank(file);
    if (!self)
        co_return;
    if (!bank) {
        finish(false, failureText(bank.error(), Operation::Pull));
        dropLink(bank.error());
        co_return;
    }
    m_progress->setValue(m_progress->maximum());
    finish(true, tr("Pulled \"%1\" (%n preset(s)) from %2.", nullptr, bank->presetCount()).arg(bank->name(), source));
    Q_EMIT bankPulled(*bank, source);
}

void DevicePanel::chooseAndUploadModel()
{
    if (m_busy || !isConnected())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Upload a model to the module"), QString(), tr("Neurorack models (*.pt);;All files (*)"));
    if (!path.isEmpty())
        uploadModel(path);
}

void DevicePanel::uploadModel(const QString &path)
{
    if (m_busy || !isConnected() || path.isEmpty())
        return;
    uploadTask(path);
}

QCoro::Task<> DevicePanel::uploadTask(QString path)
{
    QPointer<DevicePanel> self(this);
    const std::shared_ptr<DeviceClient> client = m_client;
    const QString target = QFileInfo(path).fileName();
    const bool activate = m_activateBox->isChecked();
    BusyScope busy(this, true);
    m_status->clear();
    startStage(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    QFuture<ModelFile> reading = QtConcurrent::run(readModel, path);
    const ModelFile model = co_await reading;
    if (!self)
        co_return;
    if (!model.error.isEmpty()) {
        finish(false, tr("Cannot upload %1: %2.").arg(QDir::toNativeSeparators(path), model.error));
        co_return;
    }
    startStage(tr("Uploading %1 (%2); the module checks it before keeping it…").arg(target, sizeText(model.bytes.size())));
    QElapsedTimer timer;
    timer.start();
    const auto reply = co_await client->push(TransferKind::Model, target, model.bytes, activate);
    if (!self)
        co_return;
    if (!reply) {
        finish(false, failureText(reply.error(), Operation::Upload));
        dropLink(reply.error());
        co_return;
    }
    const QString seconds = QLocale().toString(double(timer.elapsed()) / 1000.0, 'f', 2);
    const QString message = reply->active
        ? tr("Uploaded %1 (%2) in %3 s. The module plays with it now.").arg(reply->file, reply->summary, seconds)
        : tr("Uploaded %1 (%2) in %3 s.").arg(reply->file, reply->summary, seconds);
    setBusy(true, false);
    co_await refreshInfo();
    if (!self)
        co_return;
    finish(true, message);
}

void DevicePanel::playSlot(int slot)
{
    if (m_busy || !isConnected() || slot < 0 || slot > kLastSlot)
        return;
    playTask(slot);
}

QCoro::Task<> DevicePanel::playTask(int slot)
{
    QPointer<DevicePanel> self(this);
    const std::shared_ptr<DeviceClient> client = m_client;
    BusyScope busy(this, false);
    const auto reply = co_await client->play(slot);
    if (!self)
        co_return;
    if (!reply) {
        finish(false, failureText(reply.error(), Operation::Play));
        dropLink(reply.error());
        co_return;
    }
    finish(true, tr("The module plays slot %1: %2.").arg(reply->slot).arg(reply->preset));
}

void DevicePanel::cancel()
{
    if (!m_busy || !m_cancellable)
        return;
    m_client->cancel();
    m_cancelButton->setEnabled(false);
    log(tr("Cancelling after the chunk in flight…"));
}

} // namespace neurorack::studio
