"""The CJK face LibreOffice is pinned to when it renders the fixtures and the generated PDFs."""

# LibreOffice: the DOCX asks for 宋体 (no such face on Debian). Pin the substitute, so the
# layout does not depend on which other CJK fonts a machine has. WenQuanYi Zen Hei is the one
# of the packaged faces with which LibreOffice 7.4 clips the least merged-cell text at page
# breaks (see README: "LibreOffice clips").
LO_CJK = "WenQuanYi Zen Hei"
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>%(cjk)s</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>SimSun</string></test>
    <edit name="family" mode="assign" binding="strong"><string>%(cjk)s</string></edit>
  </match>
</fontconfig>
"""
