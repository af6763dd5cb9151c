// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>

namespace neurorack::runtime {

/// How the `linux` panel backend reaches the module's hardware, read from
/// hardware/panel.json (installed as /etc/neurorack/panel.json): buses and addresses,
/// which ADC channel feeds which jack, the analog front-end and per-unit calibration,
/// the screen's SPI device and GPIO lines, the ALSA device.
///
/// The document is `{"format": "neurorack.panel", "version": 1, …}`; every other field
/// is optional and falls back to defaults(). Unknown fields are refused (usually typos),
/// and every error names its field ("cv[2].calibration.gain: expected a number, got a
/// string"). hardware/README.md describes each field.
struct PanelConfig {
    static constexpr int kCvCount = 4;
    static constexpr int kGateCount = 2;
    static constexpr int kCurrentVersion = 1;
    static constexpr int kMaxPeriodFrames = 64; ///< one ALSA period is the gate-to-sound latency
    static constexpr int kMinPeriodFrames = 16;

    /// An affine map y = gain × x + offset, in volts.
    struct InputCalibration {
        double gain = 1.0;
        double offset = 0.0;
        double apply(double volts) const { return gain * volts + offset; }
        friend bool operator==(const InputCalibration &, const InputCalibration &) = default;
    };

    /// One ADC channel behind a jack.
    struct AdcInput {
        std::uint8_t adcAddress = 0x48; ///< one of adcAddresses
        int channel = 0;                ///< single-ended input AIN0 … AIN3
        /// Nominal front-end: jack volts = gain × ADC volts + offset (from the resistor values).
        InputCalibration frontEnd;
        friend bool operator==(const AdcInput &, const AdcInput &) = default;
    };

    /// Bias of the push button's GPIO line.
    enum class Bias { AsIs, PullUp, PullDown, Disabled };

    // I²C: ADCs and the encoder breakout.
    int i2cBus = 1; ///< /dev/i2c-<i2cBus>
    std::array<std::uint8_t, 2> adcAddresses{0x48, 0x49};
    int adcCount = 2;                 ///< how many entries of adcAddresses are used (1 or 2)
    double adcFullScaleVolts = 4.096; ///< ADS1015 PGA range: 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256
    int adcDataRate = 3300;           ///< samples/s: 128, 250, 490, 920, 1600, 2400 or 3300

    std::array<AdcInput, kCvCount> cvInputs = defaultCvInputs();
    std::array<AdcInput, kGateCount> gateInputs = defaultGateInputs();
    /// Per-unit trim applied after the front-end: calibrated volts = gain × volts + offset.
    std::array<InputCalibration, kCvCount> cvCalibration;
    std::array<InputCalibration, kGateCount> gateCalibration;
    double cvDeadbandVolts = 0.01;  ///< a CV is reported when it moved at least this much
    double gateDeadbandVolts = 0.05;

    std::uint8_t encoderAddress = 0x0F;
    int encoderCountsPerDetent = 1; ///< encoder counts per click
    bool encoderReverse = false;    ///< swap directions (encoder wired the other way round)
    std::array<std::uint8_t, 3> encoderLed{0, 24, 48}; ///< RGB LED colour, 0 … 255 each

    // Screen: ST7789 on spidev.
    QString spiDevice = QStringLiteral("/dev/spidev0.0");
    int spiSpeedHz = 40'000'000;
    int spiMode = 0;        ///< 0 … 3; boards without a CS pin need 3
    int screenRotation = 0; ///< 0, 90, 180 or 270 degrees
    int screenXOffset = 0;  ///< RAM offsets: 80 on one axis for some rotations of 240×240 panels
    int screenYOffset = 0;

    // GPIO character device lines (offsets on gpioChip); -1 = not connected.
    QString gpioChip = QStringLiteral("/dev/gpiochip0");
    int dcLine = 13;
    int resetLine = 14;
    int backlightLine = 15;
    int buttonLine = 50;
    bool buttonActiveLow = true; ///< pressed pulls the line to ground
    Bias buttonBias = Bias::PullUp;
    int buttonDebounceMs = 5;

    // Audio.
    QString alsaDevice = QStringLiteral("hw:CARD=tegrasndt210ref,DEV=0");
    int periodFrames = 64;

    /// The settings the seed hardware ships with (a Jetson Nano; same as hardware/panel.json).
    static PanelConfig defaults() { return {}; }
    /// Parses and validates a panel document (JSON); nothing half-valid is returned.
    static Result<PanelConfig> fromJson(const QByteArray &json);
    /// Reads and validates @p path; errors name the file or the field.
    static Result<PanelConfig> load(const QString &path);

    /// CV1–CV4 on AIN0–AIN3 of the ADC at 0x48, through the ±13.2 V front-end.
    static std::array<AdcInput, kCvCount> defaultCvInputs();
    /// Gate 1 and 2 on AIN0 and AIN1 of the ADC at 0x49, through the 0 … 12 V divider.
    static std::array<AdcInput, kGateCount> defaultGateInputs();

    /// The ADC index (into adcAddresses) an input's address refers to, or -1.
    int adcIndexOf(std::uint8_t address) const;

    friend bool operator==(const PanelConfig &, const PanelConfig &) = default;
};

} // namespace neurorack::runtime
