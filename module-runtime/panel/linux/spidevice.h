// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QString>

#include <cstdint>
#include <span>

namespace neurorack::runtime {

/// An SPI device the panel writes to (the screen): thin, so that the ST7789 driver can be
/// tested against a fake that records what was sent.
class SpiDevice
{
public:
    /// The most bytes one write() takes: spidev's default buffer size.
    static constexpr int kMaxTransferBytes = 4096;

    virtual ~SpiDevice() = default;
    /// Sends @p bytes (at most kMaxTransferBytes) in one transfer, chip select held throughout.
    virtual Status write(std::span<const std::uint8_t> bytes) = 0;
    /// The device, for messages ("/dev/spidev0.0").
    virtual QString name() const = 0;
};

} // namespace neurorack::runtime
