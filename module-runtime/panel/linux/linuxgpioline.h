// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gpioline.h"

#include <memory>

namespace neurorack::runtime {

/// Line requests through the GPIO character device, uAPI v2 (<linux/gpio.h>, Linux 5.10
/// and newer); no libgpiod. One request (and one file descriptor) per line. The output
/// and input share the request code, hence one file for both.
class LinuxGpioOutput final : public GpioOutput
{
public:
    /// Requests line @p offset of @p chip ("/dev/gpiochip0") as an output at @p initialHigh;
    /// @p label names it in messages and in `gpioinfo` ("neurorack DC").
    static Result<std::unique_ptr<LinuxGpioOutput>> request(const QString &chip, int offset, const QString &label,
                                                            bool initialHigh);
    ~LinuxGpioOutput() override;
    LinuxGpioOutput(const LinuxGpioOutput &) = delete;
    LinuxGpioOutput &operator=(const LinuxGpioOutput &) = delete;

    Status set(bool high) override;
    QString name() const override { return m_name; }

private:
    LinuxGpioOutput(int fd, const QString &name);
    int m_fd = -1;
    QString m_name;
};

class LinuxGpioInput final : public GpioInput
{
public:
    enum class Bias { AsIs, PullUp, PullDown, Disabled };

    /// Requests line @p offset as an input with both edges reported, @p activeLow
    /// polarity, @p bias and a kernel debounce of @p debounceUs (0: none).
    static Result<std::unique_ptr<LinuxGpioInput>> request(const QString &chip, int offset, const QString &label,
                                                           bool activeLow, Bias bias, int debounceUs);
    ~LinuxGpioInput() override;
    LinuxGpioInput(const LinuxGpioInput &) = delete;
    LinuxGpioInput &operator=(const LinuxGpioInput &) = delete;

    Result<bool> value() override;
    Result<std::optional<Edge>> nextEdge() override;
    QString name() const override { return m_name; }

private:
    LinuxGpioInput(int fd, const QString &name);
    int m_fd = -1;
    QString m_name;
};

} // namespace neurorack::runtime
