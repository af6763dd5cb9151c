// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "descriptor.h"

#include <limits>
#include <span>
#include <vector>

namespace neurorack {

/// Seven descriptor curves on the product's frame grid (grid::kFrameRate frames per
/// second), in physical units (LUFS, 0..1, Hz). Stored descriptor-major in one
/// contiguous block: curve(d)[i] is descriptor d at frame i, and data() can be
/// copied as-is into a [7, frames] model input.
///
/// Unvoiced pitch frames hold kUnvoiced (a quiet NaN); isVoiced() tells them apart.
/// No other value is ever NaN.
class DescriptorCurves
{
public:
    static constexpr float kUnvoiced = std::numeric_limits<float>::quiet_NaN();

    DescriptorCurves() = default;
    /// @p frameCount frames of silence: every descriptor at its neutral value, pitch unvoiced.
    explicit DescriptorCurves(int frameCount);

    int frameCount() const { return m_frames; }
    bool isEmpty() const { return m_frames == 0; }
    /// Seconds covered by the curves.
    double duration() const;

    std::span<const float> curve(DescriptorId id) const;
    std::span<float> curve(DescriptorId id);
    float value(DescriptorId id, int frame) const { return curve(id)[static_cast<std::size_t>(frame)]; }
    void setValue(DescriptorId id, int frame, float value) { curve(id)[static_cast<std::size_t>(frame)] = value; }
    bool isVoiced(int frame) const;
    /// All values, descriptor-major ([7 × frameCount()]).
    const std::vector<float> &data() const { return m_data; }

    /// The same curves stretched or squeezed in time to @p frameCount frames
    /// (linear interpolation; pitch in log frequency, voicing from the nearer frame).
    DescriptorCurves resampled(int frameCount) const;

    /// Applies an offset and a scale to one descriptor in its control space and clamps
    /// to the valid range (docs/file-formats.md, "Curve transforms"): loudness
    /// peak + (v − peak)·scale + offset dB; pitch v·scale·2^(offset/12) with offset in
    /// semitones; the others v·scale + offset.
    void applyOffsetScale(DescriptorId id, double offset, double scale);
    /// Clamps every value into its descriptor's valid range (voicing kept).
    void clampToRange();

    /// The morph of @p a and @p b at @p amount (0 = a, 1 = b): durations mixed,
    /// loudness mixed in dB, pitch in log frequency, the rest linearly. A frame voiced
    /// on one side only is voiced when that side weighs at least one half; its pitch
    /// mixes in the other side's nearest voiced pitch, if that side has one.
    static DescriptorCurves morph(const DescriptorCurves &a, const DescriptorCurves &b, double amount);

    /// Exact equality, unvoiced frames included.
    friend bool operator==(const DescriptorCurves &a, const DescriptorCurves &b);

private:
    int m_frames = 0;
    std::vector<float> m_data;
};

} // namespace neurorack
