// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QByteArray>
#include <QString>

#include <array>

namespace neurorack::runtime {

/// Gain and offset of one input: calibrated volts = gain × volts + offset.
struct Calibration {
    double gain = 1.0;
    double offset = 0.0;
    double apply(double volts) const { return gain * volts + offset; }
    friend bool operator==(const Calibration &, const Calibration &) = default;
};

/// What the module remembers between starts (`settings.json` in the data folder,
/// docs/runtime.md): the bank and preset it plays, the model, the volume and the
/// calibration of its inputs.
struct Settings {
    static constexpr double kMinVolumeDb = -60.0;
    static constexpr double kMaxVolumeDb = 0.0;

    QString bank = QStringLiteral("factory.json"); ///< a file name in banks/
    int slot = 0;
    QString model = QStringLiteral("neurorack-impact.pt"); ///< a file name in models/
    double volumeDb = -6.0;
    std::array<Calibration, 4> cv{};
    std::array<Calibration, 2> gates{};

    QByteArray toJson() const;
    /// Parses and validates; every error names its field ("volume_db: …").
    static Result<Settings> fromJson(const QByteArray &bytes);

    friend bool operator==(const Settings &, const Settings &) = default;
};

} // namespace neurorack::runtime
