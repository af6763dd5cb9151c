// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "model/bank.h"
#include "screen/menu.h"
#include "screen/screenpainter.h"
#include "sync/syncbackend.h"
#include "systemmonitor.h"
#include "storage/settings.h"
#include "storage/storage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <array>
#include <chrono>
#include <optional>
#include <memory>

namespace neurorack {
class ImpactEngine;
}

namespace neurorack::runtime {

class AudioSink;
class Panel;
class SyncServer;
class RenderWorker;
class VoiceController;
class VoicePlayer;

/// Settings neurorack-runtime starts with, from its command line (docs/runtime.md).
struct RuntimeOptions {
    QString dataDir;      ///< banks, models and settings
    QString panel = QStringLiteral("sim"); ///< "linux" or "sim"
    QString simSocket;    ///< the simulator's socket; empty: DATA/panel.sock
    QString audio = QStringLiteral("null"); ///< "alsa:DEVICE", "wav:FILE" or "null"
    QString serialPort;   ///< the USB link (served from the sync protocol on)
    QString model;        ///< a model file that overrides the one in the settings
    QString panelConfig;  ///< hardware/panel.json; empty: looked for in the usual places
    QElapsedTimer sinceLaunch; ///< started first thing in main(): start-up figures
};

/// The module service: storage, the panel, the voice engine (controller, render
/// worker, audio player), the audio sink, the screen and the USB link, wired together.
/// It answers the link's requests itself (SyncBackend).
class RuntimeService : public QObject, private SyncBackend
{
    Q_OBJECT

public:
    explicit RuntimeService(RuntimeOptions options, QObject *parent = nullptr);
    ~RuntimeService() override;

    /// Brings the module up; fails with a message the log shows (exit code 1).
    Status start();
    /// Stops audio and the panel; saves the settings.
    void stop();

    const Bank &bank() const;
    /// The state the simulator's {"status": true} answers with.
    QJsonObject status() const;

private:
    /// How long the button must be held for a long press (back to Home).
    static constexpr std::chrono::milliseconds kLongPress{600};

    void onCv(int input, double volts);
    void onButton(bool down);
    void apply(const std::optional<MenuAction> &action);
    void startModelLoad(const QString &name);
    RuntimeView view() const;
    void scheduleRepaint();
    void repaint();
    void onGate(int input, double volts, qint64 ns);
    void onRendered(double renderMs, const QString &error);
    Status loadModel();
    void loadBank(const QString &name, int slot);
    void scheduleSettingsSave();
    void setNotice(const QString &notice);
    void auditionWhenReady(quint64 publishedBefore, int triesLeft);

    // SyncBackend
    DeviceInfo deviceInfo() const override;
    QCborMap settings() const override;
    Answer<std::monostate> changeSettings(const QCborMap &changes) override;
    Answer<CommitReply> commitBank(const QString &name, const QByteArray &bytes, bool activate) override;
    void commitModel(const QString &name, const QString &stagedPath, bool activate,
                     std::function<void(Answer<CommitReply>)> done) override;
    Answer<QByteArray> bankBytes(QString *name) override;
    Answer<QString> modelPath(QString *name) override;
    Answer<PlayReply> play(int slot) override;
    void overrideCv(const std::optional<std::array<double, 4>> &volts) override;
    qint64 freeBytes() const override;
    void linkStateChanged(const QString &state) override;

    RuntimeOptions m_options;
    Storage m_storage;
    Settings m_settings;
    std::unique_ptr<ImpactEngine> m_engine;
    std::unique_ptr<VoicePlayer> m_player;
    std::unique_ptr<RenderWorker> m_worker;
    std::unique_ptr<VoiceController> m_controller;
    std::unique_ptr<AudioSink> m_sink;
    Panel *m_panel = nullptr;
    QTimer m_settingsSave;
    QTimer m_repaint;      ///< coalesces changes into one paint
    QTimer m_statsRefresh; ///< the live figures, once a second
    QTimer m_longPress;
    bool m_buttonDown = false;
    bool m_longPressFired = false;
    Menu m_menu;
    ScreenPainter m_painter;
    SystemMonitor m_monitor;
    SystemStats m_stats;
    QString m_busy;
    QString m_notice;
    QString m_modelName;
    QString m_modelVersion;
    QString m_modelDevice;
    QString m_modelFile;
    QString m_bankFile;
    std::array<double, 4> m_rawCv{};
    std::array<double, 2> m_rawGates{};
    double m_lastRenderMs = 0.0;
    quint64 m_renders = 0;
    qint64 m_firstPlayableMs = -1;
    std::unique_ptr<SyncServer> m_sync;
    QString m_linkState;
    /// The host's audition sliders, standing in for the CV inputs while set.
    std::optional<std::array<double, 4>> m_cvOverride;
    /// Name and preset count of each bank file, keyed by "file size mtime": DEVICE_INFO
    /// lists them without parsing every bank every time.
    mutable QHash<QString, std::pair<QString, int>> m_bankSummaries;
};

} // namespace neurorack::runtime
