// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panel/panel.h"
#include "panel/panelconfig.h"

#include <functional>
#include <memory>

namespace neurorack::runtime {

class I2cBus;
class SpiDevice;
class GpioOutput;
class GpioInput;

/// The devices behind the panel, opened by LinuxPanel::openDevices() (or fakes, in tests).
struct LinuxPanelDevices {
    std::unique_ptr<I2cBus> i2c;           ///< the ADCs and the encoder breakout
    std::unique_ptr<SpiDevice> spi;        ///< the screen
    std::unique_ptr<GpioOutput> dc;        ///< screen data/command
    std::unique_ptr<GpioOutput> reset;     ///< screen reset; null when not wired
    std::unique_ptr<GpioOutput> backlight; ///< null when not wired
    std::unique_ptr<GpioInput> button;     ///< the encoder's push button
};

/// The `linux` panel backend: the module's real front panel through i2c-dev (two ADS1015
/// for the CVs and gates, the Pimoroni RGB encoder breakout), spidev (the ST7789 screen)
/// and the GPIO character device (the screen's DC/reset/backlight, the push button).
///
/// A polling thread of its own keeps both ADCs converting, the gates more often than the
/// CVs (with the default wiring and a 400 kHz bus, each gate about every millisecond and
/// each CV every 2 ms), reads the encoder and the button every 10 ms, and queues the Panel
/// signals to the panel's thread. Readings go through the front-end and calibration of
/// PanelConfig, so they are volts at the jack; a value is reported when it moves by more
/// than the configured deadband. A second thread initialises the screen and writes frames.
/// Bus errors after start() become fault() signals (once per distinct problem) and the
/// polling retries every second.
class LinuxPanel : public Panel
{
    Q_OBJECT
public:
    using DeviceOpener = std::function<Result<LinuxPanelDevices>(const PanelConfig &)>;

    /// Prepares the backend; nothing is opened before start().
    explicit LinuxPanel(const PanelConfig &config, QObject *parent = nullptr);
    /// For tests: the devices come from @p opener instead of /dev.
    LinuxPanel(const PanelConfig &config, DeviceOpener opener, QObject *parent = nullptr);
    ~LinuxPanel() override;

    /// Opens the devices, checks that the ADCs and the encoder answer, and starts the
    /// threads. On failure nothing keeps running and the error names the device
    /// ("/dev/i2c-1: ADC at 0x48 does not answer: Remote I/O error").
    Status start() override;
    void stop() override;
    /// Hands @p frame to the screen thread and returns at once. When the screen is still
    /// busy with the previous frame, the new one waits in a one-frame mailbox; a frame still
    /// waiting there when another arrives is dropped (the screen always ends on the newest).
    void showFrame(const QImage &frame) override;
    QString name() const override { return QStringLiteral("linux"); }

    /// Frames replaced in the mailbox before they were sent.
    quint64 droppedFrames() const;
    /// Frames written to the screen.
    quint64 shownFrames() const;

    /// Opens the real devices that @p config names.
    static Result<LinuxPanelDevices> openDevices(const PanelConfig &config);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace neurorack::runtime
