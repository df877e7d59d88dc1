// File-system failures the user can do something about, said in Chinese.
import { UserError } from '../../../shared/api';

/** Turns a known file-system error into a UserError naming the failed action; anything else passes through. */
export function fsErrorToUser(e: unknown, action: string): unknown {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`${action}失败：磁盘空间不足。请清理磁盘空间后重试，已保存的内容不受影响。`);
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return new UserError(`${action}失败：没有写入权限，或文件正被其他程序（如杀毒软件）占用。请稍后重试。`);
    case 'EROFS':
      return new UserError(`${action}失败：数据文件夹是只读的。请检查磁盘或文件夹权限。`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new UserError(`${action}失败：路径中有一个同名的文件，而不是文件夹。请换一个数据文件夹，或移走那个文件。`);
    case 'ENAMETOOLONG':
    case 'ELOOP':
    case 'EINVAL':
      return new UserError(`${action}失败：文件夹路径无效或太长。请换一个较短的数据文件夹路径。`);
    case 'EMFILE':
    case 'ENFILE':
      return new UserError(`${action}失败：系统打开的文件过多。请关闭一些程序后重试。`);
    default:
      return e;
  }
}
