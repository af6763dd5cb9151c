// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"
#include "model/mappingevaluator.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QWidget>

#include <array>
#include <chrono>
#include <memory>

class QComboBox;
class QDial;
class QLabel;
class QLocalSocket;
class QPushButton;
class QTemporaryDir;
class QTimer;

namespace neurorack::studio {

class ModuleSimulation;
class VirtualCable;

/// The virtual module: a window that draws the module's front panel (4 CV knobs, 2 gate
/// buttons, the encoder with its push button, the 240×240 screen) for people without
/// the hardware, and drives one of two backends:
///
/// - **In-process**: Studio's own engine. The knobs feed core's MappingEvaluator on the
///   bank given by setBank(); a gate emits auditionRequested() (the main window renders
///   and plays); the encoder and preset-select CVs emit slotRequested(). The screen is
///   painted by the runtime's own ScreenPainter and Menu, so it looks like the module.
/// - **neurorack-runtime (sim)**: the real runtime, started with its panel simulator
///   (docs/runtime.md, "The panel simulator"). Knobs, gates and encoder go to it as
///   JSON lines on its local socket; its screen is fetched about ten times a second. A
///   VirtualCable joins its --serial port to hostPort(), which the device panel opens
///   like a module on USB.
///
/// Closing the window stops the runtime.
class VirtualModule : public QWidget
{
    Q_OBJECT

public:
    enum class Backend { InProcess, Runtime };
    enum class AudioOutput { Silent, SoundCard };

    /// Knob resolution: steps per volt.
    static constexpr int kKnobStepsPerVolt = 100;
    /// Knob range when the mapping says nothing narrower.
    static constexpr double kDefaultKnobVolts = 5.0;
    /// A gate button held down puts this on the gate (the runtime's simulator does too).
    static constexpr double kGateHighVolts = 5.0;
    /// Detents of one encoder turn.
    static constexpr int kEncoderDetents = 24;
    /// A press held this long is a long press (back to Home), as on the module.
    static constexpr std::chrono::milliseconds kLongPress{600};
    /// How often the runtime's screen and status are fetched.
    static constexpr std::chrono::milliseconds kPollInterval{100};
    /// How long the runtime may take to say "ready".
    static constexpr std::chrono::milliseconds kStartTimeout{20000};
    /// How long the runtime has to stop after SIGTERM before it is killed.
    static constexpr std::chrono::milliseconds kStopGrace{3000};
    /// The runtime's stderr kept for error messages, bytes; lines shown.
    static constexpr qsizetype kStderrKeep = 16 * 1024;
    static constexpr int kStderrLines = 8;

    explicit VirtualModule(QWidget *parent = nullptr);
    ~VirtualModule() override;

    /// The bank the in-process backend plays and the knobs' ranges follow (nullptr:
    /// none), and its current slot. Call again after every edit, undo and redo; @p bank
    /// must stay valid until the next call.
    void setBank(const Bank *bank, int slot);

    Backend backend() const { return m_backend; }
    /// Switches backend; choosing Runtime starts it, leaving it stops it.
    void setBackend(Backend backend);
    /// Where the runtime plays (used at its next start).
    void setAudioOutput(AudioOutput output);
    AudioOutput audioOutput() const { return m_audio; }
    /// Whether this machine has an ALSA playback device (the sound card choice).
    static bool soundCardAvailable();
    /// The runtime binary: $NEURORACK_RUNTIME, else beside the application
    /// (../module-runtime/neurorack-runtime), else on PATH; empty when none is found.
    static QString runtimeProgram();

    /// Starts (or restarts) the runtime backend.
    void startRuntime();
    /// Stops the runtime (SIGTERM, then SIGKILL after kStopGrace); asynchronous.
    void stopRuntime();
    /// Whether the runtime is running and its panel socket connected.
    bool isRuntimeConnected() const { return m_connected; }
    /// The runtime's last {"status": true} reply (docs/runtime.md).
    QJsonObject runtimeStatus() const { return m_status; }
    /// The virtual cable's laptop end, for DeviceClient::open(); empty when no runtime runs.
    QString hostPort() const;
    /// The last error shown (cannot start, exited, socket error); empty when none.
    QString errorText() const { return m_error; }

    /// The screen as shown now (240×240).
    QImage screenImage() const { return m_screen; }
    /// CV @p input's knob, volts.
    double cvVolts(int input) const;
    /// Turns CV @p input's knob (0..3) to @p volts (clamped to its range).
    void setCvVolts(int input, double volts);
    /// Presses (true) or releases gate @p gate's button (0..1).
    void setGate(int gate, bool pressed);
    /// Turns the encoder @p steps detents (positive: clockwise).
    void turnEncoder(int steps);
    /// Presses (true) or releases the encoder's push button.
    void setButton(bool down);
    /// The text under CV @p input's knob (volts, what it drives and the value).
    QString cvReadout(int input) const;

Q_SIGNALS:
    /// In-process: a gate played @p curves; the main window renders and plays them.
    void auditionRequested(const neurorack::DescriptorCurves &curves, const QString &title);
    /// In-process: the encoder, a next/previous gate or a preset-select CV chose @p slot.
    void slotRequested(int slot);
    /// In-process: the knobs moved; what the current slot sounds like at their volts.
    void cvCurvesChanged(const neurorack::DescriptorCurves &curves);
    /// The virtual cable's laptop end appeared (a runtime started) or went away (empty).
    void hostPortChanged(const QString &port);
    /// The runtime connected (true) or stopped (false).
    void runtimeConnectedChanged(bool connected);
    /// A new runtime status arrived.
    void runtimeStatusChanged(const QJsonObject &status);
    /// The screen changed.
    void screenChanged(const QImage &screen);
    /// An error to show (also in the window); empty when it was cleared.
    void errorChanged(const QString &message);

protected:
    /// Shown again after a close: the runtime backend starts its runtime again.
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    enum class Reply { Command, Screen, Status };

    QWidget *createPanel();
    void setError(const QString &message);
    void updateKnobRanges();
    void updateReadouts();
    void updateControls();
    void knobMoved(int input, int value);
    void encoderMoved(int value);
    void longPressed();

    // In-process
    void repaintScreen();
    void menuAction(int steps, bool press, bool longPress);

    // Runtime
    void readStderr();
    void runtimeFinished(int exitCode, QProcess::ExitStatus status);
    void runtimeFailed(QProcess::ProcessError error);
    void connectSocket();
    void readReplies();
    void send(const QJsonObject &request, Reply reply = Reply::Command);
    void poll();
    void cleanUpRuntime();
    QString stderrTail() const;

    const Bank *m_bank = nullptr;
    ModuleSimulation *m_sim = nullptr;
    Backend m_backend = Backend::InProcess;
    AudioOutput m_audio = AudioOutput::Silent;
    std::array<bool, Mapping::kGateCount> m_gateDown{};
    bool m_buttonDown = false;
    bool m_longPressDone = false;
    int m_encoderPosition = 0;

    // In-process screen state; the Menu lives behind a pointer so this header stays free
    // of the runtime's headers.
    struct Screen;
    std::unique_ptr<Screen> m_inProcess;

    // Runtime backend
    QProcess *m_process = nullptr;
    QLocalSocket *m_socket = nullptr;
    VirtualCable *m_cable = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QTimer *m_poll = nullptr;
    QTimer *m_startTimer = nullptr;
    QByteArray m_stderr;
    QByteArray m_replyBuffer;
    QList<Reply> m_expected;
    bool m_connected = false;
    bool m_stopping = false;
    QJsonObject m_status;
    QImage m_screen;
    QString m_error;

    // Widgets
    QComboBox *m_backendBox = nullptr;
    QComboBox *m_audioBox = nullptr;
    QPushButton *m_startButton = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_screenLabel = nullptr;
    QLabel *m_cableLabel = nullptr;
    std::array<QDial *, Mapping::kCvCount> m_knobs{};
    std::array<QLabel *, Mapping::kCvCount> m_readouts{};
    std::array<QPushButton *, Mapping::kGateCount> m_gateButtons{};
    std::array<QLabel *, Mapping::kGateCount> m_gateLeds{};
    QDial *m_encoder = nullptr;
    QPushButton *m_pushButton = nullptr;
    QTimer *m_longPressTimer = nullptr;
};

} // namespace neurorack::studio
