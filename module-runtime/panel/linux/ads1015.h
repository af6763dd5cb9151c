// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <optional>

namespace neurorack::runtime {

class I2cBus;

/// A TI ADS1015: 12-bit, 4 single-ended inputs, one conversion at a time. The panel uses
/// single-shot conversions so that it chooses which channel is read when (the gates
/// more often than the CVs): startConversion(), wait conversionTime(), readVolts().
/// The comparator is off. Not thread-safe; the bus is borrowed and must outlive it.
class Ads1015
{
public:
    static constexpr std::uint8_t kConversionRegister = 0x00;
    static constexpr std::uint8_t kConfigRegister = 0x01;
    static constexpr int kChannels = 4;
    static constexpr int kMaxCode = 2047; ///< codes are −2048 … 2047 (12-bit two's complement)

    /// @p fullScaleVolts must be one of the PGA ranges (6.144, 4.096, 2.048, 1.024, 0.512,
    /// 0.256 V) and @p samplesPerSecond one of the data rates (128 … 3300); PanelConfig
    /// checks both.
    Ads1015(I2cBus &bus, std::uint16_t address, double fullScaleVolts, int samplesPerSecond);

    /// Reads the config register: is anything answering at the address?
    Status probe();
    /// Starts a single-shot conversion of input AIN@p channel (0 … 3) against ground.
    Status startConversion(int channel);
    /// Reads the last conversion, in volts at the ADC pin.
    Result<double> readVolts();

    std::uint16_t address() const { return m_address; }
    /// How long a conversion takes at this data rate, with the ±10 % clock tolerance and
    /// the wake-up from power-down.
    std::chrono::microseconds conversionTime() const { return conversionTime(m_samplesPerSecond); }

    /// The PGA bits (config bits 11:9) for a full-scale range, or nullopt.
    static std::optional<std::uint16_t> pgaBits(double fullScaleVolts);
    /// The data rate bits (config bits 7:5) for samples/s, or nullopt.
    static std::optional<std::uint16_t> dataRateBits(int samplesPerSecond);
    /// The config word that starts a single-shot conversion of @p channel: OS = 1,
    /// MUX = 1xx (AINx against GND), PGA, MODE = 1 (single-shot), DR, COMP_QUE = 11 (off).
    static std::uint16_t configWord(int channel, double fullScaleVolts, int samplesPerSecond);
    /// The signed 12-bit code in a conversion register read (big-endian, left-justified).
    static int decodeCode(std::uint8_t msb, std::uint8_t lsb);
    /// Volts at the pin for @p code: full scale is 2048 codes.
    static double codeToVolts(int code, double fullScaleVolts);
    static std::chrono::microseconds conversionTime(int samplesPerSecond);

private:
    I2cBus &m_bus;
    std::uint16_t m_address;
    double m_fullScaleVolts;
    int m_samplesPerSecond;
};

} // namespace neurorack::runtime
