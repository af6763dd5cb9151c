// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtimeservice.h"

#include "audio/alsasink.h"
#include "audio/pacedsink.h"
#include "engine/impactengine.h"
#include "io/documentcodec.h"
#include "io/documentfile.h"
#include "model/factory.h"
#include "panel/linux/linuxpanel.h"
#include "panel/panelconfig.h"
#include "panel/simpanel.h"
#include "sync/syncserver.h"
#include "voice/monotonicclock.h"
#include "voice/renderworker.h"
#include "voice/voicecontroller.h"
#include "voice/voiceplayer.h"

#include <QCborValue>
#include <QDir>
#include <QJsonDocument>
#include <QStorageInfo>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <stdio.h>

Q_LOGGING_CATEGORY(lcRuntime, "neurorack.runtime")

namespace neurorack::runtime {

namespace {
/// Settings are written this long after the last change: turning the encoder through
/// twenty presets writes the flash once.
constexpr std::chrono::milliseconds kSettingsDelay{1000};
/// Changes are painted at most this often: the screen takes ~30 ms to send over SPI.
constexpr std::chrono::milliseconds kRepaintDelay{33};
constexpr std::chrono::milliseconds kStatsPeriod{1000};

}

RuntimeService::RuntimeService(RuntimeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_storage(m_options.dataDir)
{
    m_settingsSave.setSingleShot(true);
    m_settingsSave.setInterval(kSettingsDelay);
    connect(&m_settingsSave, &QTimer::timeout, this, [this] {
        if (auto saved = m_storage.saveSettings(m_settings); !saved)
            qCWarning(lcRuntime).noquote() << "cannot save the settings:" << saved.errorString();
    });
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(kRepaintDelay);
    connect(&m_repaint, &QTimer::timeout, this, &RuntimeService::repaint);
    m_statsRefresh.setInterval(kStatsPeriod);
    connect(&m_statsRefresh, &QTimer::timeout, this, [this] {
        m_stats.cpuPercent = m_monitor.cpuPercent();
        m_stats.temperatureC = SystemMonitor::temperatureC();
        m_stats.memoryMb = SystemMonitor::memoryMb();
        m_stats.renderMs = m_lastRenderMs;
        m_stats.xruns = m_sink ? static_cast<qint64>(m_sink->xruns()) : 0;
        m_stats.uptimeS = m_options.sinceLaunch.isValid() ? m_options.sinceLaunch.elapsed() / 1000 : 0;
        if (m_menu.page() == Menu::Page::System || m_menu.page() == Menu::Page::Home)
            scheduleRepaint();
    });
    m_longPress.setSingleShot(true);
    m_longPress.setInterval(kLongPress);
    connect(&m_longPress, &QTimer::timeout, this, [this] {
        // Held long enough: back to Home now, without waiting for the release.
        m_longPressFired = true;
        apply(m_menu.longPress(view()));
        scheduleRepaint();
    });
}

RuntimeService::~RuntimeService()
{
    stop();
}

const Bank &RuntimeService::bank() const
{
    return m_controller->bank();
}

Status RuntimeService::start()
{
    // Storage: an empty folder is filled with the factory bank and the shipped model.
    const QString shipped = ImpactEngine::defaultModelPath();
    if (auto prepared = m_storage.prepare(shipped); !prepared)
        return prepared;
    QString notice;
    m_settings = m_storage.loadSettings(&notice);
    setNotice(notice);

    // The voice engine. The model loads before audio starts: the first gate can play.
    ImpactEngine::setThreads(1);
    m_engine = std::make_unique<ImpactEngine>();
    m_player = std::make_unique<VoicePlayer>();
    m_player->setVolumeDb(m_settings.volumeDb);
    m_worker = std::make_unique<RenderWorker>(*m_engine, *m_player);
    m_worker->setReportHandler([this](const RenderWorker::Report &report) {
        QMetaObject::invokeMethod(this, [this, ms = report.renderMs, error = report.error] { onRendered(ms, error); },
                                  Qt::QueuedConnection);
    });
    m_controller = std::make_unique<VoiceController>(*m_player, *m_worker);
    connect(m_controller.get(), &VoiceController::slotChanged, this, [this](int slot) {
        m_settings.slot = slot;
        scheduleSettingsSave();
        scheduleRepaint();
    });
    connect(m_controller.get(), &VoiceController::inputsChanged, this, &RuntimeService::scheduleRepaint);
    if (auto loaded = loadModel(); !loaded)
        setNotice(loaded.errorString());

    // The panel's description: buses, pins, the board's trim, the DAC.
    PanelConfig config = PanelConfig::defaults();
    QString configPath = m_options.panelConfig;
    if (configPath.isEmpty()) {
        for (const QString &candidate : {qEnvironmentVariable("NEURORACK_PANEL_CONFIG"), QStringLiteral("/etc/neurorack/panel.json")}) {
            if (!candidate.isEmpty() && QFileInfo::exists(candidate)) {
                configPath = candidate;
                break;
            }
        }
    }
    if (!configPath.isEmpty()) {
        auto loaded = PanelConfig::load(configPath);
        if (!loaded)
            return Status::failure(configPath, loaded.errorString());
        config = *loaded;
    } else if (m_options.panel == u"linux") {
        qCWarning(lcRuntime) << "no panel.json found (--panel-config): using the built-in defaults";
    }

    // Audio.
    const QString audio = m_options.audio;
    if (audio.startsWith(u"alsa:") && audio.size() > 5) {
        m_sink = std::make_unique<AlsaSink>(audio.mid(5), config.periodFrames);
    } else if (audio == u"null") {
        m_sink = std::make_unique<PacedSink>();
    } else if (audio.startsWith(u"wav:") && audio.size() > 4) {
        m_sink = std::make_unique<PacedSink>(audio.mid(4));
    } else {
        return Status::failure(QStringLiteral("--audio"), QStringLiteral("\"%1\" is not alsa:DEVICE, wav:FILE or null").arg(audio));
    }
    if (auto started = m_sink->start(m_player.get()); !started)
        return started;

    // The bank, which also renders the first impacts.
    loadBank(m_settings.bank, m_settings.slot);

    // The panel.
    if (m_options.panel == u"sim") {
        const QString socket = m_options.simSocket.isEmpty() ? m_storage.dataDir() + QStringLiteral("/panel.sock") : m_options.simSocket;
        auto *sim = new SimPanel(socket, this);
        sim->setStatusProvider([this] { return status(); });
        m_panel = sim;
    } else if (m_options.panel == u"linux") {
        m_panel = new LinuxPanel(config, this);
    } else {
        return Status::failure(QStringLiteral("--panel"), QStringLiteral("\"%1\" is not linux or sim").arg(m_options.panel));
    }
    connect(m_panel, &Panel::cvChanged, this, &RuntimeService::onCv);
    connect(m_panel, &Panel::gateChanged, this, &RuntimeService::onGate);
    connect(m_panel, &Panel::encoderTurned, this, [this](int steps) {
        apply(m_menu.turn(steps, view()));
        scheduleRepaint();
    });
    connect(m_panel, &Panel::buttonChanged, this, &RuntimeService::onButton);
    connect(m_panel, &Panel::fault, this, [this](const QString &message) {
        qCWarning(lcRuntime).noquote() << "panel:" << message;
        setNotice(message);
    });
    if (auto started = m_panel->start(); !started)
        return started;
    m_statsRefresh.start();
    repaint();
    if (!m_options.serialPort.isEmpty()) {
        SyncBackend &backend = *this;
        m_sync = std::make_unique<SyncServer>(m_options.serialPort, m_storage.dataDir() + QStringLiteral("/.staging"), backend);
        m_sync->start();
    }

    qCInfo(lcRuntime).noquote() << "ready:" << bank().presetCount() << "presets in bank" << bank().name() << QStringLiteral("(%1)").arg(m_bankFile)
                                << "on the" << m_panel->name() << "panel, audio to" << m_sink->description();
    return done();
}

void RuntimeService::stop()
{
    m_sync.reset();
    if (m_panel)
        m_panel->stop();
    if (m_sink)
        m_sink->stop();
    if (m_settingsSave.isActive()) {
        m_settingsSave.stop();
        m_storage.saveSettings(m_settings);
    }
}

Status RuntimeService::loadModel()
{
    // The model the settings name (or --model), else the shipped one.
    QStringList candidates;
    if (!m_options.model.isEmpty())
        candidates << m_options.model;
    candidates << m_storage.modelPath(m_settings.model);
    if (const QString shipped = ImpactEngine::defaultModelPath(); !shipped.isEmpty())
        candidates << m_storage.modelPath(QFileInfo(shipped).fileName()) << shipped;
    candidates.removeDuplicates();
    QStringList failures;
    for (const QString &path : std::as_const(candidates)) {
        if (!QFileInfo::exists(path)) {
            failures << QStringLiteral("%1: no such file").arg(QFileInfo(path).fileName());
            continue;
        }
        auto info = m_engine->load(path);
        if (info) {
            m_modelName = info->name + QLatin1Char(' ') + info->version;
            m_modelVersion = info->version;
            m_modelDevice = info->device;
            m_modelFile = QFileInfo(path).fileName();
            qCInfo(lcRuntime).noquote() << "model" << m_modelName << "from" << path << "on" << info->device
                                        << QStringLiteral("(%1 ms)").arg(info->loadMs, 0, 'f', 0);
            if (!failures.isEmpty())
                return Status::failure(QStringLiteral("model"), failures.join(QStringLiteral("; ")) + QStringLiteral("; playing ") + QFileInfo(path).fileName());
            return done();
        }
        qCWarning(lcRuntime).noquote() << "model" << path << "does not load:" << info.errorString();
        failures << QStringLiteral("%1 does not load").arg(QFileInfo(path).fileName());
    }
    return Status::failure(QStringLiteral("model"), QStringLiteral("no model loads (%1): the module is silent").arg(failures.join(QStringLiteral("; "))));
}

void RuntimeService::loadBank(const QString &name, int slot)
{
    QString notice;
    auto bank = m_storage.loadBank(name, &notice);
    if (!bank && name != Storage::kFactoryBank) {
        notice = QStringLiteral("%1 cannot be loaded; playing the factory bank").arg(name);
        qCWarning(lcRuntime).noquote() << notice << bank.errorString();
        bank = m_storage.loadBank(Storage::kFactoryBank, nullptr);
        m_bankFile = Storage::kFactoryBank;
    } else {
        m_bankFile = name;
    }
    if (!bank) {
        // Even the stored factory bank is gone: the built-in one always loads.
        bank = Factory::bank();
        notice = QStringLiteral("the banks in %1 cannot be loaded; playing the built-in factory bank").arg(m_storage.dataDir());
        qCWarning(lcRuntime).noquote() << notice;
        m_bankFile = Storage::kFactoryBank;
    }
    if (!notice.isEmpty())
        setNotice(notice);
    m_settings.bank = m_bankFile;
    m_controller->setBank(*bank, slot);
    scheduleSettingsSave();
}

void RuntimeService::onCv(int input, double volts)
{
    m_rawCv[static_cast<std::size_t>(input)] = volts;
    if (m_cvOverride)
        return; // the host's sliders play the CVs for now
    m_controller->setCv(input, m_settings.cv[static_cast<std::size_t>(input)].apply(volts), monotonicNs());
}

void RuntimeService::onGate(int input, double volts, qint64 ns)
{
    m_rawGates[static_cast<std::size_t>(input)] = volts;
    m_controller->setGate(input, m_settings.gates[static_cast<std::size_t>(input)].apply(volts), ns);
}

void RuntimeService::onRendered(double renderMs, const QString &error)
{
    if (!error.isEmpty()) {
        setNotice(QStringLiteral("render failed: ") + error);
        return;
    }
    m_lastRenderMs = renderMs;
    ++m_renders;
    if (m_firstPlayableMs < 0) {
        m_firstPlayableMs = m_options.sinceLaunch.isValid() ? m_options.sinceLaunch.elapsed() : 0;
        qCInfo(lcRuntime).noquote() << QStringLiteral("first impact playable %1 ms after launch").arg(m_firstPlayableMs);
    }
}

void RuntimeService::scheduleSettingsSave()
{
    m_settingsSave.start();
}

void RuntimeService::setNotice(const QString &notice)
{
    if (notice.isEmpty())
        return;
    m_notice = notice;
    qCWarning(lcRuntime).noquote() << "notice:" << notice;
    scheduleRepaint();
}

QJsonObject RuntimeService::status() const
{
    const auto stats = m_player->stats();
    const Preset *preset = bank().preset(m_controller->slot());
    QJsonArray cvs, gates;
    for (int i = 0; i < VoiceController::kCvCount; ++i) {
        const auto [label, value] = m_controller->cvText(i);
        cvs.append(QJsonObject{{QStringLiteral("volts"), m_controller->cvVolts(i)}, {QStringLiteral("drives"), label}, {QStringLiteral("value"), value}});
    }
    for (int i = 0; i < VoiceController::kGateCount; ++i)
        gates.append(m_controller->gateHigh(i));
    return QJsonObject{
        {QStringLiteral("bank"), bank().name()},
        {QStringLiteral("bank_file"), m_bankFile},
        {QStringLiteral("slot"), m_controller->slot()},
        {QStringLiteral("preset"), preset ? preset->name : QString()},
        {QStringLiteral("model"), m_modelName},
        {QStringLiteral("morph"), m_controller->morphAmount()},
        {QStringLiteral("cv"), cvs},
        {QStringLiteral("gates"), gates},
        {QStringLiteral("volume_db"), m_settings.volumeDb},
        {QStringLiteral("rendering"), m_worker->busy()},
        {QStringLiteral("renders"), static_cast<qint64>(m_renders)},
        {QStringLiteral("render_ms"), m_lastRenderMs},
        {QStringLiteral("impacts_ready"), static_cast<qint64>(stats.impactsPublished)},
        {QStringLiteral("change_to_impact_ms"), static_cast<double>(stats.lastImpactLatencyNs[0]) / 1e6},
        {QStringLiteral("change_to_morph_ms"), static_cast<double>(stats.lastImpactLatencyNs[1]) / 1e6},
        {QStringLiteral("triggers"), static_cast<qint64>(stats.triggers)},
        {QStringLiteral("silent_triggers"), static_cast<qint64>(stats.silentTriggers)},
        {QStringLiteral("stolen"), static_cast<qint64>(stats.stolen)},
        {QStringLiteral("gate_latency_ms"), QJsonObject{{QStringLiteral("last"), static_cast<double>(stats.lastLatencyNs) / 1e6},
                                                        {QStringLiteral("mean"), stats.meanLatencyNs / 1e6},
                                                        {QStringLiteral("max"), static_cast<double>(stats.maxLatencyNs) / 1e6}}},
        {QStringLiteral("block_frames"), m_sink->blockFrames()},
        {QStringLiteral("xruns"), static_cast<qint64>(m_sink->xruns())},
        {QStringLiteral("first_playable_ms"), m_firstPlayableMs},
        {QStringLiteral("notice"), m_notice},
        {QStringLiteral("page"), m_menu.title(view())},
        {QStringLiteral("cursor"), m_menu.cursor()},
        {QStringLiteral("busy"), m_busy},
    };
}

void RuntimeService::onButton(bool down)
{
    if (down == m_buttonDown)
        return;
    m_buttonDown = down;
    if (down) {
        m_longPressFired = false;
        m_longPress.start();
        return;
    }
    m_longPress.stop();
    if (!m_longPressFired)
        apply(m_menu.press(view()));
    scheduleRepaint();
}

void RuntimeService::apply(const std::optional<MenuAction> &action)
{
    if (!action)
        return;
    switch (action->kind) {
    case MenuAction::Kind::SelectPreset:
        m_controller->selectSlot(action->slot);
        break;
    case MenuAction::Kind::LoadBank:
        loadBank(action->name, 0);
        break;
    case MenuAction::Kind::LoadModel:
        startModelLoad(action->name);
        break;
    case MenuAction::Kind::SetVolume:
        m_settings.volumeDb = std::clamp(action->value, Settings::kMinVolumeDb, Settings::kMaxVolumeDb);
        m_player->setVolumeDb(m_settings.volumeDb);
        scheduleSettingsSave();
        break;
    case MenuAction::Kind::SetMapping: {
        const auto mappings = Factory::mappings();
        const auto found = std::find_if(mappings.begin(), mappings.end(), [&](const Mapping &m) { return m.id == action->name; });
        if (found == mappings.end())
            break;
        Bank changed = bank();
        changed.setMapping(*found);
        if (auto saved = m_storage.saveBank(m_bankFile, changed); !saved)
            setNotice(QStringLiteral("cannot save the bank: ") + saved.errorString());
        m_controller->setBank(changed, m_controller->slot());
        break;
    }
    case MenuAction::Kind::SetCalibration: {
        const Calibration calibration{action->gain, action->offset};
        if (action->input >= 0 && action->input < 4)
            m_settings.cv[static_cast<std::size_t>(action->input)] = calibration;
        else if (action->input >= 4 && action->input < 6)
            m_settings.gates[static_cast<std::size_t>(action->input - 4)] = calibration;
        scheduleSettingsSave();
        break;
    }
    case MenuAction::Kind::DismissNotice:
        m_notice.clear();
        break;
    }
}

void RuntimeService::startModelLoad(const QString &name)
{
    if (!m_busy.isEmpty())
        return;
    m_busy = QStringLiteral("loading model…");
    scheduleRepaint();
    const QString path = m_storage.modelPath(name);
    // Loading takes a few hundred ms: off the main thread, so that gates keep playing
    // the current model meanwhile.
    QThread *thread = QThread::create([this, path, name] {
        auto info = m_engine->load(path);
        QMetaObject::invokeMethod(this, [this, info = std::move(info), name] {
            m_busy.clear();
            if (!info) {
                setNotice(QStringLiteral("%1 does not load; the previous model plays on").arg(name));
                qCWarning(lcRuntime).noquote() << info.errorString();
                return;
            }
            m_modelName = info->name + QLatin1Char(' ') + info->version;
            m_modelVersion = info->version;
            m_modelDevice = info->device;
            m_modelFile = name;
            m_settings.model = name;
            scheduleSettingsSave();
            qCInfo(lcRuntime).noquote() << "model" << m_modelName << "from" << info->path;
            // What the gates play must come from the new model.
            m_controller->setBank(bank(), m_controller->slot());
            scheduleRepaint();
        }, Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

RuntimeView RuntimeService::view() const
{
    RuntimeView v;
    const Bank &b = bank();
    v.bankName = b.name();
    v.bankId = b.id();
    v.presetSlot = b.presetCount() ? m_controller->slot() : -1;
    if (const Preset *preset = b.preset(m_controller->slot()))
        v.presetName = preset->name;
    for (int slot : b.filledSlots())
        v.presets.append({slot, b.preset(slot)->name});
    v.banks = m_storage.banks();
    v.currentBank = m_bankFile;
    v.models = m_storage.models();
    v.currentModel = m_modelFile;
    v.modelName = m_modelName;
    v.modelVersion = m_modelVersion;
    v.modelDevice = m_modelDevice;
    for (int i = 0; i < RuntimeView::kCvCount; ++i) {
        const auto [label, value] = m_controller->cvText(i);
        v.cv[static_cast<std::size_t>(i)] = CvView{m_controller->cvVolts(i), label, value};
    }
    for (int i = 0; i < RuntimeView::kGateCount; ++i)
        v.gates[static_cast<std::size_t>(i)] = GateView{m_controller->gateHigh(i), MappingEvaluator::gateActionText(b.mapping().gates[static_cast<std::size_t>(i)].action)};
    if (const auto pair = b.morphPair()) {
        v.morphA = b.preset(pair->a)->name;
        v.morphB = b.preset(pair->b)->name;
    }
    v.morphAmount = m_controller->morphAmount();
    v.volumeDb = m_settings.volumeDb;
    for (int i = 0; i < 4; ++i)
        v.calibration[static_cast<std::size_t>(i)] = {m_settings.cv[static_cast<std::size_t>(i)].gain, m_settings.cv[static_cast<std::size_t>(i)].offset, m_rawCv[static_cast<std::size_t>(i)]};
    for (int i = 0; i < 2; ++i)
        v.calibration[static_cast<std::size_t>(i) + 4] = {m_settings.gates[static_cast<std::size_t>(i)].gain, m_settings.gates[static_cast<std::size_t>(i)].offset, m_rawGates[static_cast<std::size_t>(i)]};
    v.mappingId = b.mapping().id;
    v.mappingName = b.mapping().name;
    for (int i = 0; i < 4; ++i) {
        const auto [label, value] = m_controller->cvText(i);
        v.mappingLines << QStringLiteral("CV%1 %2").arg(i + 1).arg(label);
    }
    for (int i = 0; i < 2; ++i)
        v.mappingLines << QStringLiteral("Gate %1 %2").arg(i + 1).arg(MappingEvaluator::gateActionText(b.mapping().gates[static_cast<std::size_t>(i)].action));
    v.stats = m_stats;
    v.audioOutput = m_sink ? m_sink->description() : QString();
    v.usbState = m_options.serialPort.isEmpty() ? QStringLiteral("not configured") : m_linkState;
    v.panelBackend = m_panel ? m_panel->name() : QString();
    v.version = QStringLiteral(NEURORACK_VERSION);
    v.notice = m_notice;
    v.busy = m_busy;
    return v;
}

void RuntimeService::scheduleRepaint()
{
    if (!m_repaint.isActive())
        m_repaint.start();
}

void RuntimeService::repaint()
{
    if (m_panel)
        m_panel->showFrame(m_painter.paint(view(), m_menu));
}

// ---- the USB link (SyncBackend) -------------------------------------------------

namespace {
/// A plain bank file name: ".json" unless it says ".cbor".
QString bankFileName(const QString &name)
{
    if (name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || name.endsWith(QLatin1String(".cbor"), Qt::CaseInsensitive))
        return name;
    return name + QStringLiteral(".json");
}

QString modelFileName(const QString &name)
{
    return name.endsWith(QLatin1String(".pt"), Qt::CaseInsensitive) ? name : name + QStringLiteral(".pt");
}

QString bankSummary(const Bank &bank)
{
    return QStringLiteral("bank \"%1\", %2 presets").arg(bank.name()).arg(bank.presetCount());
}
} // namespace

DeviceInfo RuntimeService::deviceInfo() const
{
    DeviceInfo info;
    info.runtime = QStringLiteral("neurorack-runtime %1").arg(QStringLiteral(NEURORACK_VERSION));
    info.model = m_modelName;
    info.modelFile = m_modelFile;
    info.modelDevice = m_modelDevice;
    info.bankFile = m_bankFile;
    info.bankName = bank().name();
    info.slot = m_controller->slot();
    for (const QString &file : m_storage.banks()) {
        const QFileInfo fi(m_storage.bankPath(file));
        const QString key = QStringLiteral("%1 %2 %3").arg(file).arg(fi.size()).arg(fi.lastModified().toMSecsSinceEpoch());
        auto summary = m_bankSummaries.constFind(key);
        if (summary == m_bankSummaries.cend()) {
            const auto loaded = DocumentFile::loadBank(fi.absoluteFilePath());
            summary = m_bankSummaries.insert(key, loaded ? std::pair{loaded->name(), loaded->presetCount()} : std::pair{QStringLiteral("(damaged)"), -1});
        }
        info.banks.append({file, fi.size(), summary->first, summary->second});
    }
    for (const QString &file : m_storage.models())
        info.models.append({file, QFileInfo(m_storage.modelPath(file)).size(), file == m_modelFile ? m_modelName : QString(), -1});
    const QStorageInfo volume(m_storage.dataDir());
    info.freeBytes = volume.bytesAvailable();
    info.totalBytes = volume.bytesTotal();
    info.volumeDb = m_settings.volumeDb;
    info.uptimeS = m_options.sinceLaunch.isValid() ? m_options.sinceLaunch.elapsed() / 1000 : 0;
    info.triggers = static_cast<qint64>(m_player->stats().triggers);
    info.xruns = m_sink ? static_cast<qint64>(m_sink->xruns()) : 0;
    info.renders = static_cast<qint64>(m_renders);
    info.renderMs = m_lastRenderMs;
    info.cpuPercent = m_stats.cpuPercent;
    info.temperatureC = m_stats.temperatureC;
    return info;
}

QCborMap RuntimeService::settings() const
{
    return QCborValue::fromJsonValue(QJsonDocument::fromJson(m_settings.toJson()).object()).toMap();
}

Answer<std::monostate> RuntimeService::changeSettings(const QCborMap &changes)
{
    QJsonObject merged = QJsonDocument::fromJson(m_settings.toJson()).object();
    const QJsonObject wanted = changes.toJsonObject();
    for (auto it = wanted.begin(); it != wanted.end(); ++it)
        merged.insert(it.key(), it.value());
    auto parsed = Settings::fromJson(QJsonDocument(merged).toJson(QJsonDocument::Compact));
    if (!parsed)
        return Refusal{ErrorCode::kBadRequest, parsed.errorString()};
    Settings next = *parsed;
    if (next.bank != m_settings.bank && !QFileInfo::exists(m_storage.bankPath(next.bank)))
        return Refusal{ErrorCode::kNoSuchFile, QStringLiteral("bank: no %1 on the module").arg(next.bank)};
    if (next.model != m_settings.model && !QFileInfo::exists(m_storage.modelPath(next.model)))
        return Refusal{ErrorCode::kNoSuchFile, QStringLiteral("model: no %1 on the module").arg(next.model)};
    if (next.model != m_settings.model && !m_busy.isEmpty())
        return Refusal{ErrorCode::kBusy, QStringLiteral("model: the module is busy (%1)").arg(m_busy)};
    const Settings before = m_settings;
    m_settings.volumeDb = next.volumeDb;
    m_settings.cv = next.cv;
    m_settings.gates = next.gates;
    m_player->setVolumeDb(m_settings.volumeDb);
    if (next.bank != before.bank)
        loadBank(next.bank, next.slot);
    else if (next.slot != m_controller->slot())
        m_controller->selectSlot(next.slot);
    if (next.model != before.model)
        startModelLoad(next.model);
    scheduleSettingsSave();
    scheduleRepaint();
    return std::monostate{};
}

Answer<CommitReply> RuntimeService::commitBank(const QString &name, const QByteArray &bytes, bool activate)
{
    const QString file = bankFileName(name);
    auto bank = DocumentFile::bankFromBytes(bytes);
    if (!bank)
        return Refusal{ErrorCode::kInvalidContent, QStringLiteral("%1 is not a valid bank: %2").arg(file, bank.errorString())};
    if (auto saved = m_storage.saveBank(file, *bank); !saved)
        return Refusal{ErrorCode::kStorage, saved.errorString()};
    qCInfo(lcRuntime).noquote() << "stored" << bankSummary(*bank) << "as" << file;
    const bool playing = file == m_bankFile;
    if (activate || playing)
        loadBank(file, playing ? m_controller->slot() : 0);
    setNotice(QStringLiteral("received %1").arg(file));
    return CommitReply{QStringLiteral("banks/") + file, bankSummary(*bank), file == m_bankFile};
}

void RuntimeService::commitModel(const QString &name, const QString &stagedPath, bool activate,
                                 std::function<void(Answer<CommitReply>)> done)
{
    const QString file = modelFileName(name);
    const QString target = m_storage.modelPath(file);
    if (!m_busy.isEmpty()) {
        done(Refusal{ErrorCode::kBusy, QStringLiteral("the module is busy (%1): send %2 again in a moment").arg(m_busy, file)});
        return;
    }
    m_busy = QStringLiteral("checking %1…").arg(file);
    scheduleRepaint();
    // Loading and running a model takes a few hundred ms: a second engine checks it off
    // the main thread while the playing one goes on.
    QThread *thread = QThread::create([this, file, target, stagedPath, activate, done = std::move(done)] {
        ImpactEngine probe;
        auto info = probe.load(stagedPath);
        QMetaObject::invokeMethod(this, [this, file, target, stagedPath, activate, done, info = std::move(info)] {
            m_busy.clear();
            if (!info) {
                setNotice(QStringLiteral("%1 was refused: it does not load").arg(file));
                QString why = info.errorString();
                why.replace(stagedPath, file);
                done(Refusal{ErrorCode::kInvalidContent, QStringLiteral("%1 is not a model this module can play: %2").arg(file, why)});
                return;
            }
            // rename(2) replaces the old file in one step: a power cut leaves one or the other.
            if (::rename(QFile::encodeName(stagedPath).constData(), QFile::encodeName(target).constData()) != 0) {
                done(Refusal{ErrorCode::kStorage, QStringLiteral("cannot store %1: %2").arg(target, QString::fromLocal8Bit(std::strerror(errno)))});
                return;
            }
            Storage::syncFolder(QFileInfo(target).absolutePath());
            const QString summary = QStringLiteral("model %1 %2").arg(info->name, info->version);
            qCInfo(lcRuntime).noquote() << "stored" << summary << "as" << file;
            const bool playing = file == m_modelFile;
            if (activate || playing)
                startModelLoad(file);
            setNotice(QStringLiteral("received %1").arg(file));
            done(CommitReply{QStringLiteral("models/") + file, summary, activate || playing});
        }, Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

Answer<QByteArray> RuntimeService::bankBytes(QString *name)
{
    if (name->isEmpty())
        *name = m_bankFile;
    if (!m_storage.banks().contains(*name))
        return Refusal{ErrorCode::kNoSuchFile, QStringLiteral("no bank %1 on the module (it has %2)").arg(*name, m_storage.banks().join(QStringLiteral(", ")))};
    auto bank = m_storage.loadBank(*name, nullptr);
    if (!bank)
        return Refusal{ErrorCode::kStorage, bank.errorString()};
    return DocumentFile::serialize(DocumentCodec::encodeBank(*bank), Encoding::Cbor);
}

Answer<QString> RuntimeService::modelPath(QString *name)
{
    if (name->isEmpty())
        *name = m_modelFile;
    if (!m_storage.models().contains(*name))
        return Refusal{ErrorCode::kNoSuchFile, QStringLiteral("no model %1 on the module (it has %2)").arg(*name, m_storage.models().join(QStringLiteral(", ")))};
    return m_storage.modelPath(*name);
}

Answer<PlayReply> RuntimeService::play(int slot)
{
    const Preset *preset = bank().preset(slot);
    if (!preset)
        return Refusal{ErrorCode::kBadRequest, QStringLiteral("slot %1 of bank %2 is empty").arg(slot + 1).arg(bank().name())};
    const quint64 published = m_player->stats().impactsPublished;
    const bool ready = slot == m_controller->slot() && !m_worker->busy() && m_player->hasImpact(ImpactSource::Preset);
    m_controller->selectSlot(slot);
    if (ready)
        m_player->trigger(ImpactSource::Preset, monotonicNs());
    else
        auditionWhenReady(published, 500);
    return PlayReply{slot, preset->name};
}

void RuntimeService::auditionWhenReady(quint64 publishedBefore, int triesLeft)
{
    // The new slot's impact is being rendered ahead: play it as soon as it is there.
    if ((m_player->stats().impactsPublished > publishedBefore && !m_worker->busy()) || triesLeft <= 0) {
        m_player->trigger(ImpactSource::Preset, monotonicNs());
        return;
    }
    QTimer::singleShot(2, this, [this, publishedBefore, triesLeft] { auditionWhenReady(publishedBefore, triesLeft - 1); });
}

void RuntimeService::overrideCv(const std::optional<std::array<double, 4>> &volts)
{
    m_cvOverride = volts;
    const qint64 now = monotonicNs();
    for (int i = 0; i < 4; ++i) {
        const auto index = static_cast<std::size_t>(i);
        m_controller->setCv(i, volts ? (*volts)[index] : m_settings.cv[index].apply(m_rawCv[index]), now);
    }
    scheduleRepaint();
}

qint64 RuntimeService::freeBytes() const
{
    return QStorageInfo(m_storage.dataDir()).bytesAvailable();
}

void RuntimeService::linkStateChanged(const QString &state)
{
    m_linkState = state;
    scheduleRepaint();
}

} // namespace neurorack::runtime
