// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QImage>
#include <QObject>

namespace neurorack::runtime {

/// The module's front panel: 4 CV inputs, 2 gate inputs, an encoder with a push button
/// and the 240×240 screen. Two backends implement it: `linux` (the real hardware through
/// i2c-dev, spidev and the GPIO character device) and `sim` (a local socket).
///
/// Inputs are reported in volts at the jack, before the user's calibration (the runtime
/// applies gain and offset from its settings). Signals are emitted on the thread the panel
/// lives on (the main thread); backends that poll hardware on a thread of their own queue
/// them there.
class Panel : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCvCount = 4;
    static constexpr int kGateCount = 2;
    static constexpr int kScreenSize = 240; ///< pixels, square

    using QObject::QObject;
    ~Panel() override = default;

    /// Opens the devices (or the socket) and starts reporting. On failure the error names
    /// the device and what went wrong.
    virtual Status start() = 0;
    virtual void stop() = 0;
    /// Shows a kScreenSize × kScreenSize image (any format; converted as the screen needs).
    virtual void showFrame(const QImage &frame) = 0;
    /// The backend's name, for logs and the about page ("linux", "sim").
    virtual QString name() const = 0;

Q_SIGNALS:
    /// A CV input read @p volts (−12 … +12 V). Emitted when the value moves.
    void cvChanged(int input, double volts);
    /// A gate input read @p volts; the runtime applies threshold and hysteresis.
    /// @p monotonicNs is when the edge was seen (QElapsedTimer::msecsSinceReference() scale in ns).
    void gateChanged(int input, double volts, qint64 monotonicNs);
    /// The encoder moved by @p steps detents (positive: clockwise).
    void encoderTurned(int steps);
    /// The encoder's push button went down (true) or up (false).
    void buttonChanged(bool down);
    /// A backend problem after start (a bus error, the socket gone): logged and shown.
    void fault(const QString &message);
};

} // namespace neurorack::runtime
