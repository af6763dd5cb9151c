// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <span>

namespace neurorack::runtime {

/// One message of an I²C transfer: a write of @p length bytes from @p data, or a read of
/// @p length bytes into it. The caller owns the buffer.
struct I2cMessage {
    std::uint16_t address = 0; ///< 7-bit device address
    bool read = false;
    std::uint8_t *data = nullptr;
    std::uint16_t length = 0;
};

/// An I²C bus master, kept thin so that the drivers above it can be tested against a fake
/// that records transactions and answers from a register map. Implementations need not
/// be thread-safe: one thread uses a bus.
class I2cBus
{
public:
    /// The most messages one transfer() takes (the drivers need two).
    static constexpr int kMaxMessages = 4;

    virtual ~I2cBus() = default;
    /// Runs @p messages as one combined transaction (repeated start between messages, one
    /// stop at the end). Returns 0, or an errno value: ENXIO or EREMOTEIO when no device
    /// acknowledged its address, ETIMEDOUT, EIO, …
    virtual int transfer(std::span<I2cMessage> messages) noexcept = 0;
    /// The device, for messages ("/dev/i2c-1").
    virtual QString name() const = 0;

    /// Writes @p bytes (usually a register number then values) to @p address.
    int write(std::uint16_t address, std::span<const std::uint8_t> bytes) noexcept;
    /// Writes @p tx (a register number), then reads @p rx after a repeated start.
    int writeRead(std::uint16_t address, std::span<const std::uint8_t> tx, std::span<std::uint8_t> rx) noexcept;
};

/// The system's text for an errno value ("Remote I/O error").
QString systemErrorString(int errnum);

/// A message for a failed transfer that names the bus, the device and the reason:
/// "/dev/i2c-1: ADC at 0x48 does not answer: Remote I/O error" when nothing acknowledged,
/// "/dev/i2c-1: ADC at 0x48: Input/output error" otherwise. @p device is what sits at
/// @p address ("ADC", "encoder").
QString i2cErrorMessage(const QString &bus, const QString &device, std::uint16_t address, int errnum);

/// "0x48".
QString i2cAddressString(std::uint16_t address);

} // namespace neurorack::runtime
