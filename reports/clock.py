"""The zone documents state their times in: Beijing time (UTC+8), whatever zone the laptop is set to, so a letter
made on a laptop left on another zone still says when it was made in the time its readers use."""

import datetime as dt

BEIJING = dt.timezone(dt.timedelta(hours=8), "北京时间")
