// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "descriptorcurves.h"

#include <QString>
#include <QStringList>

namespace neurorack {

/// Where a preset's curves came from.
enum class PresetSource {
    Drawn,     ///< drawn or edited by hand
    Analysed,  ///< analysed from an audio file
    Generated, ///< made by the corpus generator or by randomisation
};

/// File key of a source kind ("drawn", "analysed", "generated"), and back.
QString presetSourceKey(PresetSource source);
std::optional<PresetSource> presetSourceFromKey(QStringView key);

/// One impact: a name, tags and seven descriptor curves. Presets do not depend on a
/// model: any model conditioned on the seven descriptors can play them. The duration
/// is the curves' (frameCount / grid::kFrameRate).
struct Preset {
    QString id;          ///< unique within a bank; [A-Za-z0-9][A-Za-z0-9._-]{0,63}
    QString name;        ///< 1–64 characters
    QStringList tags;    ///< at most 16, 1–32 characters each
    PresetSource source = PresetSource::Drawn;
    QString sourceDetail; ///< file name, generator settings, …; at most 256 characters
    DescriptorCurves curves;

    double duration() const { return curves.duration(); }

    friend bool operator==(const Preset &, const Preset &) = default;
};

/// Limits shared by presets, banks and mappings, and their validation.
namespace limits {
inline constexpr int kMaxIdLength = 64;
inline constexpr int kMaxNameLength = 64;
inline constexpr int kMaxTags = 16;
inline constexpr int kMaxTagLength = 32;
inline constexpr int kMaxDetailLength = 256;
inline constexpr int kMaxDescriptionLength = 1024;
/// Whether @p id is a valid preset, bank or mapping id.
bool isValidId(QStringView id);
/// Turns a name into a valid id ("Deep Kick!" → "deep-kick"); "preset" if nothing is left.
QString idFromName(QStringView name);
} // namespace limits

} // namespace neurorack
