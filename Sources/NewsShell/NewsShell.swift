import NewsQ
import CEditLine
enum NewsShellModule {}
